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

/** True once cleanup has begun (Ctrl-C): what fails after that is the stop, not the bench. */
export const isStopping = (): boolean => running !== undefined;

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

/**
 * Under `npm run bench` one Ctrl-C arrives twice: from the terminal to the whole process group, and relayed by the
 * tsx CLI to its child (us). Signals this close together are one request to stop.
 */
const SAME_REQUEST_MS = 2_000;

/** Ctrl-C stops the children and exits 130; a second Ctrl-C exits at once (the children then stop themselves). */
export function cleanupOnSignals(): void {
  let firstSignalAt: number | undefined;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      const now = Date.now();
      if (firstSignalAt !== undefined) {
        if (now - firstSignalAt < SAME_REQUEST_MS) return;
        console.error(`\n${signal} again: exiting now`);
        process.exit(130);
      }
      firstSignalAt = now;
      console.error(`\n${signal}: stopping everything the bench started...`);
      void cleanupAll().then(() => process.exit(130));
    });
  }
}
