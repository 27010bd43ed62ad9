import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { ensureDatabaseDirectory, resolveDatabaseUrl } from './runtime/database-url';

// The JS schema engine talks to SQLite/libSQL through the same driver adapter the app uses, so no native engine is
// ever downloaded. DATABASE_URL defaults to the embedded .data/liveops.db; it is filled in here because the schema
// parser needs a value, and without one the CLI falls back to downloading a native engine.
const connection = resolveDatabaseUrl(process.env);
process.env.DATABASE_URL = connection.url;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  async adapter() {
    ensureDatabaseDirectory(connection);
    return new PrismaLibSQL(connection);
  },
});
