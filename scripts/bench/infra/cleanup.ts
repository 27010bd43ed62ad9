/**
 * Everything the bench starts registers how to stop it here. Cleanup runs once, last-started first, on normal exit,
 * on failure and on Ctrl-C / SIGTERM, so no app, dev server or worker outlives the bench.
 */
type Step = { name: string; run: () => Promise<void> };

const steps: Step[] = [];
let running: Promise<void> | undefined;

export function onCleanup(name: string, run: () => Promise<void>): void {
  steps.push({ name, run });
}

export function cleanupAll(): Promise<void> {
  running ??= (async () => {
    for (const step of [...steps].reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`cleanup: ${step.name} failed:`, error);
      }
    }
  })();
  return running;
}

/** Ctrl-C stops the children and exits 130; a second Ctrl-C exits at once (the children get SIGKILL from cleanup). */
export function cleanupOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (running) {
        console.error(`\n${signal} again: exiting now`);
        process.exit(130);
      }
      console.error(`\n${signal}: stopping everything the bench started...`);
      void cleanupAll().then(() => process.exit(130));
    });
  }
}
