import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaClient } from '../generated/prisma/client';
import type { Config } from './config';
import { ensureDatabaseDirectory, resolveDatabaseUrl } from './database-url';

export type Db = PrismaClient;

export function databaseConnection(config: Pick<Config, 'database' | 'dataDir'>) {
  return resolveDatabaseUrl({
    DATABASE_URL: config.database.url,
    DATABASE_AUTH_TOKEN: config.database.authToken,
    LIVEOPS_DATA_DIR: config.dataDir,
  });
}

export function createDb(config: Pick<Config, 'database' | 'dataDir'>): Db {
  const connection = databaseConnection(config);
  ensureDatabaseDirectory(connection);
  return new PrismaClient({ adapter: new PrismaLibSQL(connection) });
}
