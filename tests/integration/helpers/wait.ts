/** Polls `predicate` until it holds or `timeoutMs` passes (then throws, naming `what`). */
export async function waitUntil(
  predicate: () => boolean | Promise<boolean>,
  { timeoutMs = 30_000, intervalMs = 50, what = 'the condition' } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
