// A fresh database for one test run: on DATABASE_URL's server when set (a new database created
// beside the one named), on an in-memory embedded server otherwise. Migrated before use.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { applyMigrations } from '../../prisma/schema-engine';
import { checkConnection, freePort, startEmbedded } from '../../scripts/database';

export type TestDatabase = { url: string; drop: () => Promise<void> };

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const embedded = await startEmbedded({ dataDir: null, port: await freePort() });
    await applyMigrations(embedded.url);
    return { url: embedded.url, drop: embedded.stop };
  }
  await checkConnection(serverUrl);
  const name = `triad_${label}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
