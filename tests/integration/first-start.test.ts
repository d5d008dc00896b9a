// A first start killed with SIGKILL, then started again, ends with a migrated and seeded
// database (docs/decisions/016-start-up-durability-timeouts.md). Three kill points here; many
// random ones with `npm run test:first-start-kills`.
import { readdir, stat } from 'node:fs/promises';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { applyMigrations, MIGRATIONS_DIR } from '@/prisma/schema-engine';
import { freePort, startEmbedded } from '@/scripts/database';
import * as firstStart from '@/tests/support/first-start';

const onPostgres = !inject('embeddedDatabase');
const expectedMigrations = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) =>
  e.isDirectory(),
).length;

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let target: firstStart.Target | undefined;
afterEach(async () => {
  await target?.dispose();
  target = undefined;
});

describe('a migration recorded as started and never finished', () => {
  it('is applied again instead of blocking every start', async () => {
    let url: string;
    let stop: () => Promise<void>;
    if (onPostgres) {
      target = await firstStart.freshTarget('postgres');
      url = target.env.DATABASE_URL!;
      stop = async () => {};
    } else {
      const server = await startEmbedded({ dataDir: null, port: await freePort() });
      url = server.url;
      stop = server.stop;
    }
    try {
      // What a start killed after the engine's bookkeeping and before the script committed left.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`CREATE TABLE "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name)
         VALUES ('00000000-0000-4000-8000-000000000000', 'x', '20261127023935_init')`,
      );

      const applied = await applyMigrations(url);

      expect(applied).toHaveLength(expectedMigrations);
      const { rows } = await client.query<{ migration_name: string; state: string }>(
        `SELECT migration_name,
                CASE WHEN rolled_back_at IS NOT NULL THEN 'rolled back'
                     WHEN finished_at IS NOT NULL THEN 'finished' ELSE 'unfinished' END AS state
           FROM _prisma_migrations ORDER BY started_at, migration_name, state DESC`,
      );
      expect(rows.filter((r) => r.state === 'unfinished')).toEqual([]);
      expect(rows.filter((r) => r.state === 'rolled back').map((r) => r.migration_name)).toEqual([
        '20261127023935_init',
      ]);
      expect(rows.filter((r) => r.state === 'finished')).toHaveLength(expectedMigrations);
      await client.end();
    } finally {
      await stop();
    }
  }, 120_000);
});

describe.runIf(onPostgres)('a first start on PostgreSQL killed with SIGKILL', () => {
  it('in the middle of a migration: the next start applies it whole', async () => {
    target = await firstStart.freshTarget('postgres');
    // An uncommitted table of the same name makes the first migration wait at that statement.
    const blocker = new pg.Client({ connectionString: target.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('CREATE TABLE "User" (id int)');
    const first = firstStart.startPrepare(target);
    try {
      await until(
        () =>
          target!.withClient(async (client) => {
            const { rows } = await client.query<{ waiting: boolean }>(
              `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock') AS waiting`,
            );
            return rows[0]!.waiting;
          }),
        'the migration to wait on the lock',
      );
      const killedAt = await firstStart.databaseState(target, { lenient: true });
      expect(killedAt.migrations).toMatchObject({ finished: 0, unfinished: 1 });
      await firstStart.kill(first, 'group');
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }

    const second = await firstStart.runPrepare(target);

    expect(second.code, second.output).toBe(0);
    expect(await firstStart.databaseState(target)).toEqual(
      firstStart.completeState(expectedMigrations),
    );
  }, 300_000);

  it('in the middle of the seed, serve.ts alone: the seed stops with it and the next start completes', async () => {
    target = await firstStart.freshTarget('postgres');
    const first = firstStart.startPrepare(target);
    await until(async () => {
      const state = await firstStart.databaseState(target!, { lenient: true });
      return state.users > 0 && state.patientsWithHistory < 4;
    }, 'the seed to be half done');
    await firstStart.kill(first, 'parent');
    expect(await firstStart.groupGone(first)).toBe(true);
    const killedAt = await firstStart.databaseState(target);
    expect(killedAt.patientsWithHistory).toBeLessThan(4);

    const second = await firstStart.runPrepare(target);

    expect(second.code, second.output).toBe(0);
    expect(await firstStart.databaseState(target)).toEqual(
      firstStart.completeState(expectedMigrations),
    );
  }, 300_000);
});

describe('a first start on the embedded database killed with SIGKILL', () => {
  it('while it creates the data folder: the next start creates it whole', async () => {
    target = await firstStart.freshTarget('embedded');
    const dataDir = target.env.EMBEDDED_DB_DIR!;
    const first = firstStart.startPrepare(target);
    // initdb works in a staging folder, renamed into place once complete.
    await until(
      () =>
        stat(`${dataDir}.initdb`).then(
          () => true,
          () => false,
        ),
      'initdb',
    );
    await firstStart.kill(first, 'group');
    expect(await stat(dataDir).catch(() => null)).toBeNull();

    const second = await firstStart.runPrepare(target);

    expect(second.code, second.output).toBe(0);
    expect(await firstStart.databaseState(target)).toEqual(
      firstStart.completeState(expectedMigrations),
    );
    // Commits reach the disk: PGlite's default is fsync off (bench/embedded-fsync.sh counts them).
    const settings = await target.withClient(async (client) => ({
      fsync: (await client.query<{ fsync: string }>('SHOW fsync')).rows[0]!.fsync,
      walSyncMethod: (await client.query<{ wal_sync_method: string }>('SHOW wal_sync_method'))
        .rows[0]!.wal_sync_method,
    }));
    expect(settings).toEqual({ fsync: 'on', walSyncMethod: 'fsync' });
  }, 300_000);
});
