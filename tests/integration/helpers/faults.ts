import type { Activities } from '../../../activities';
import type { Db } from '../../../runtime/db';

/** A gate an activity waits at until the test opens it, so a test can act while the workflow awaits that activity. */
export interface Latch {
  /** Resolves when an activity reached the gate. */
  entered: Promise<void>;
  open(): void;
}

export function latch(): Latch & { wait(): Promise<void> } {
  let enter!: () => void;
  let release!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const opened = new Promise<void>((resolve) => (release = resolve));
  return {
    entered,
    open: () => release(),
    wait: async () => {
      enter();
      await opened;
    },
  };
}

/**
 * The real activities, with the named one held at a latch before it runs for real: the latch of the workflow id in
 * the input (streamId or workflowId), or the one under '*' for inputs that name none (a script scan). A latch holds
 * the first call that reaches it; later calls pass.
 */
export function holdActivity(
  name: keyof Activities,
  latches: Map<string, ReturnType<typeof latch>>,
): (activities: Activities) => Activities {
  return (activities) => {
    const real = activities[name] as (...args: unknown[]) => Promise<unknown>;
    const held = async (...args: unknown[]) => {
      const input = args[0] as { streamId?: string; workflowId?: string } | undefined;
      const key = input?.streamId ?? input?.workflowId ?? '*';
      const gate = latches.get(key) ?? latches.get('*');
      if (gate) {
        latches.delete(latches.get(key) ? key : '*');
        await gate.wait();
      }
      return real(...args);
    };
    return { ...activities, [name]: held };
  };
}

/**
 * A database with an outage switch: while `down`, every query the worker's activities make fails as if the server
 * were unreachable. Built on the real client (a Prisma query extension), not a stand-in.
 */
export function outageSwitch(): { down: boolean; wrap(db: Db): Db } {
  const state = { down: false };
  return {
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    wrap: (db) =>
      db.$extends({
        query: {
          async $allOperations({ args, query }) {
            if (state.down) throw new Error('database unavailable (test outage)');
            return query(args);
          },
        },
      }) as unknown as Db,
  };
}
