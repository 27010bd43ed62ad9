import { TemporalCliNotFoundError, ensureTemporalCli } from './temporal-cli';

// `npm run temporal:cli`: fetch (or find) the Temporal CLI ahead of time and print where it is.
ensureTemporalCli(process.env, (message) => process.stderr.write(`[temporal-cli] ${message}\n`))
  .then((cli) => {
    process.stdout.write(`${cli.path}\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof TemporalCliNotFoundError ? 1 : 2);
  });
