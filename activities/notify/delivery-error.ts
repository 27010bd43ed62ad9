/**
 * A delivery attempt that did not go through. `transient`: the provider is down, slow or rate-limiting, so the
 * activity throws and Temporal retries with backoff. Otherwise asking again cannot help (bad address, revoked token,
 * signature rejected): the message is marked failed at once.
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`.slice(0, 1000);
  }
  return String(error).slice(0, 1000);
}
