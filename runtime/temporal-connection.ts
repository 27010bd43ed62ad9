import fs from 'node:fs';
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';
import type { TemporalConfig } from './config';

/** Connection options shared by the client (API) and the native connection (worker). */
function connectionOptions(config: TemporalConfig, address: string) {
  const tls = config.tls
    ? {
        serverNameOverride: config.tls.serverName,
        serverRootCACertificate: config.tls.caPath ? fs.readFileSync(config.tls.caPath) : undefined,
        clientCertPair:
          config.tls.clientCertPath && config.tls.clientKeyPath
            ? {
                crt: fs.readFileSync(config.tls.clientCertPath),
                key: fs.readFileSync(config.tls.clientKeyPath),
              }
            : undefined,
      }
    : undefined;
  return { address, tls, apiKey: config.apiKey };
}

export async function connectClient(config: TemporalConfig, address: string): Promise<Client> {
  const connection = await Connection.connect(connectionOptions(config, address) as ConnectionOptions);
  return new Client({ connection, namespace: config.namespace });
}

export async function connectWorker(config: TemporalConfig, address: string): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(config, address) as NativeConnectionOptions);
}
