import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const USAGE = `npm run bench -- [--quick | --full] [options]

  --quick               (default) streams 20,60; 20 samples per row; 60 s per measurement at most
  --full                streams 100,1000; 50 samples per row; 360 s per measurement at most
  --streams 100,1000    stream counts to measure at (each level adds streams to the one before)
  --samples 50          timed requests per measurement
  --max-seconds 360     a measurement stops early past this (its row shows the smaller n)
  --concurrency 8       streams / minimal workflows created at once
  --load-users 10       signed-in reviewers reloading the inbox during the load measurement
  --target <dir>        the checkout to start and measure (default: the one this script is in)
  --skip-history        skip row 2 (one stream through review: about two minutes)
`;

const PROFILES = {
  quick: { streams: [20, 60], samples: 20, maxSeconds: 60 },
  full: { streams: [100, 1000], samples: 50, maxSeconds: 360 },
} as const;

const ZOptionsSchema = z.object({
  profile: z.enum(['quick', 'full']),
  streams: z.array(z.number().int().positive()).min(1),
  samples: z.number().int().min(5),
  maxSeconds: z.number().positive(),
  concurrency: z.number().int().min(1).max(64),
  loadUsers: z.number().int().min(1).max(100),
  target: z.string().min(1),
  skipHistory: z.boolean(),
});
export type BenchOptions = z.infer<typeof ZOptionsSchema>;

/** Fewer streams than this are created before the memory baseline, so the first level must be larger. */
export const WARM_UP_STREAMS = 5;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean' },
      full: { type: 'boolean' },
      streams: { type: 'string' },
      samples: { type: 'string' },
      'max-seconds': { type: 'string' },
      concurrency: { type: 'string' },
      'load-users': { type: 'string' },
      target: { type: 'string' },
      'skip-history': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const profile = values.full ? 'full' : 'quick';
  const defaults = PROFILES[profile];
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const parsed = ZOptionsSchema.safeParse({
    profile,
    streams: values.streams?.split(',').map(Number) ?? [...defaults.streams],
    samples: number(values.samples) ?? defaults.samples,
    maxSeconds: number(values['max-seconds']) ?? defaults.maxSeconds,
    concurrency: number(values.concurrency) ?? 8,
    loadUsers: number(values['load-users']) ?? 10,
    target: path.resolve(values.target ?? path.join(__dirname, '../..')),
    skipHistory: values['skip-history'] ?? false,
  });
  if (!parsed.success) {
    console.error(`bench: ${z.prettifyError(parsed.error)}\n\n${USAGE}`);
    process.exit(2);
  }
  const options = parsed.data;
  if (!fs.existsSync(path.join(options.target, 'scripts/start.ts'))) {
    console.error(`bench: ${options.target} has no scripts/start.ts: --target must be a liveops checkout`);
    process.exit(2);
  }
  const sorted = [...options.streams].sort((a, b) => a - b);
  if (sorted[0]! <= WARM_UP_STREAMS) {
    console.error(`bench: every stream count must exceed the ${WARM_UP_STREAMS} warm-up streams`);
    process.exit(2);
  }
  return { ...options, streams: sorted };
}
