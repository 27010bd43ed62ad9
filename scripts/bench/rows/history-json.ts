import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import path from 'node:path';

export type HistoryJsonWriter = 'historyToJSON' | 'historyToJSON-equivalent';

interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
}
interface ProtoRoot {
  lookupType(name: string): unknown;
  temporal: { api: { history: { v1: { History: { fromObject(value: unknown): unknown } } } } };
}

/**
 * `historyToJSON` from @temporalio/common/lib/proto-utils, the JSON that replay tools and the Temporal UI exchange.
 *
 * In this repository's install it throws "type must be a Type": npm left two copies of protobufjs 8 (one under
 * @temporalio/common, one under @temporalio/proto, because @grpc/proto-loader holds protobufjs 7 at the top), and the
 * `instanceof Type` check of one copy rejects the other's types. Then the same two calls are made with the copy that
 * @temporalio/proto loaded its types with, which writes what historyToJSON writes where the install is deduplicated.
 */
export function historyJson(history: temporal.api.history.v1.IHistory): {
  json: string;
  writer: HistoryJsonWriter;
} {
  try {
    return { json: historyToJSON(history), writer: 'historyToJSON' };
  } catch (error) {
    if (!String(error).includes('type must be a Type')) throw error;
  }
  const protoPackage = path.dirname(require.resolve('@temporalio/proto/package.json'));
  /* eslint-disable @typescript-eslint/no-require-imports -- the copies are picked by where they are installed */
  const { toJson } = require(
    require.resolve('protobufjs/ext/protojson', { paths: [protoPackage] }),
  ) as ProtoJson;
  const { patchProtobufRoot } = require('@temporalio/proto/lib/patch-protobuf-root') as {
    patchProtobufRoot(root: unknown): ProtoRoot;
  };
  const root = patchProtobufRoot(require('@temporalio/proto'));
  /* eslint-enable @typescript-eslint/no-require-imports */
  const message = root.temporal.api.history.v1.History.fromObject(history);
  const json = JSON.stringify(toJson(root.lookupType('temporal.api.history.v1.History'), message), null, 2);
  return { json, writer: 'historyToJSON-equivalent' };
}
