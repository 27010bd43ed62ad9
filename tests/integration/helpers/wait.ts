/** Polls `probe` until it answers something, failing with `what` after the deadline. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Polls `predicate` until it holds or `timeoutMs` passes (then throws, naming `what`). */
export async function waitUntil(
  predicate: () => boolean | Promise<boolean>,
  { timeoutMs = 30_000, intervalMs = 50, what = 'the condition' } = {},
): Promise<void> {
  await until(what, async () => ((await predicate()) ? true : undefined), timeoutMs, intervalMs);
}
