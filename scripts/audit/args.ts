import { ZWorkflowSelectionQuerySchema, type TWorkflowSelection } from '../../api/audit/audit.types';

export class UsageError extends Error {}

export const USAGE = `usage:
  audit export  (--id <workflow id>... | <query>) [--out <file.zip>] [--as <who>]
  audit replay  (--id <workflow id>... | <query> | --file <history.json>... | --bundle <export.zip>)
                [--workflows <folder>] [--json]
  audit verify  [--json]
query: --kind <kind> --phase <phase> --owner <owner> --started-from <iso> --started-to <iso>
       --scheduled-from <iso> --scheduled-to <iso> --status <Running|Completed|...> --limit <n>`;

const COMMANDS = ['export', 'replay', 'verify'] as const;
type TCommand = (typeof COMMANDS)[number];

/** Flag -> selection key; every value goes through the API's own selection schema. */
const QUERY_FLAGS: Record<string, keyof TWorkflowSelection> = {
  '--id': 'workflowId',
  '--kind': 'kind',
  '--phase': 'phase',
  '--owner': 'owner',
  '--started-from': 'startedFrom',
  '--started-to': 'startedTo',
  '--scheduled-from': 'scheduledFrom',
  '--scheduled-to': 'scheduledTo',
  '--status': 'status',
  '--limit': 'limit',
};
const FILE_FLAGS = ['--file', '--bundle', '--out', '--as', '--workflows'] as const;

export interface TAuditArgs {
  command: TCommand;
  selection?: TWorkflowSelection;
  files: string[];
  bundle?: string;
  out?: string;
  as?: string;
  /** Replay against this workflows folder (a candidate build) instead of the current code. */
  workflows?: string;
  json: boolean;
}

export function parseArgs(argv: readonly string[]): TAuditArgs {
  const [command, ...rest] = argv;
  if (!COMMANDS.includes(command as TCommand))
    throw new UsageError(command === undefined ? 'missing command' : `unknown command ${command}`);
  const raw: Record<string, string | string[]> = {};
  const args: TAuditArgs = { command: command as TCommand, files: [], json: false };
  for (let index = 0; index < rest.length; index += 1) {
    const flag = rest[index]!;
    if (flag === '--json') {
      args.json = true;
      continue;
    }
    const value = rest[index + 1];
    index += 1;
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    const key = QUERY_FLAGS[flag];
    if (key === 'workflowId') raw.workflowId = [...((raw.workflowId as string[] | undefined) ?? []), value];
    else if (key !== undefined) raw[key] = value;
    else if (flag === '--file') args.files.push(value);
    else if ((FILE_FLAGS as readonly string[]).includes(flag))
      args[flag.slice(2) as 'bundle' | 'out' | 'as' | 'workflows'] = value;
    else throw new UsageError(`unknown argument ${flag}`);
  }
  if (Object.keys(raw).length > 0) {
    const parsed = ZWorkflowSelectionQuerySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`${issue.path.join('.')}: ${issue.message}`);
    }
    args.selection = parsed.data;
  }
  const sources = [args.selection, args.files.length > 0 ? args.files : undefined, args.bundle].filter(
    (source) => source !== undefined,
  );
  if (command === 'export' && (args.selection === undefined || sources.length > 1))
    throw new UsageError('export needs workflow ids or a query');
  if (command === 'replay' && sources.length !== 1)
    throw new UsageError('replay needs one of: ids or a query, --file, --bundle');
  return args;
}
