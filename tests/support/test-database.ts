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

/**
 * A database of its own for a test that needs one empty (the demo seed refuses a database with
 * other organizations): beside the run's on a PostgreSQL server, or a second in-memory embedded
 * server when the run uses PGlite (one database per server).
 */
export async function ownDatabase(label: string): Promise<TestDatabase> {
  const probe = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await probe.connect();
  const { rows } = await probe.query<{ version: string }>('SELECT version()');
  await probe.end();
  if (!rows[0]!.version.includes('PGlite')) return createTestDatabase(label);
  const embedded = await startEmbedded({ dataDir: null, port: await freePort() });
  await applyMigrations(embedded.url);
  return { url: embedded.url, drop: embedded.stop };
}
