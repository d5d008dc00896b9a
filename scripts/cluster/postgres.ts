// The cluster's PostgreSQL pair: a primary and a hot standby fed by streaming replication over a
// physical slot, and synchronous: the primary acknowledges a commit only once the standby has
// flushed it to its WAL (synchronous_commit = on, synchronous_standby_names names the standby), so
// a commit the app was told about survives the loss of the primary (docs/decisions/031-cluster.md).
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PG_BIN, runAsService, start, waitUntil, type Managed } from './processes';

export const STANDBY_NAME = 'standby1';

export type PgNode = {
  name: string;
  port: number;
  dataDir: string;
  process: Managed;
  /** A superuser URL to this node's `postgres` database. */
  adminUrl: string;
};

const adminUrl = (port: number, database = 'postgres') =>
  `postgresql://postgres@127.0.0.1:${port}/${database}`;

export async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

function launch(name: string, dataDir: string, port: number, runDir: string): Promise<PgNode> {
  const process = start(
    `postgres ${name}`,
    path.join(PG_BIN, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-k', runDir],
    { logFile: `${dataDir}.log`, asService: true },
  );
  const node = { name, port, dataDir, process, adminUrl: adminUrl(port) };
  return waitUntil(
    `PostgreSQL ${name} on port ${port}`,
    60,
    async () => {
      await query(node.adminUrl, 'SELECT 1');
      return true;
    },
    process,
  ).then(() => node);
}

/** initdb, the replication settings, start. */
export async function startPrimary(root: string, port: number, runDir: string): Promise<PgNode> {
  const dataDir = path.join(root, 'primary');
  runAsService(
    path.join(PG_BIN, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'],
    root,
  );
  appendFileSync(
    path.join(dataDir, 'postgresql.conf'),
    [
      "listen_addresses = '127.0.0.1'",
      'wal_level = replica',
      'max_wal_senders = 5',
      'max_replication_slots = 5',
      'hot_standby = on',
      // Commits wait for the standby's flush: no acknowledged commit exists on the primary alone.
      `synchronous_standby_names = 'FIRST 1 (${STANDBY_NAME})'`,
      'synchronous_commit = on',
      'max_connections = 200',
      '',
    ].join('\n'),
  );
  return launch('primary', dataDir, port, runDir);
}

/** A base backup of the primary, configured as its synchronous standby, started and in sync. */
export async function startStandby(
  root: string,
  port: number,
  runDir: string,
  primary: PgNode,
): Promise<PgNode> {
  const dataDir = path.join(root, 'standby');
  runAsService(
    path.join(PG_BIN, 'pg_basebackup'),
    [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      dataDir,
      '-X',
      'stream',
      '-C',
      '-S',
      STANDBY_NAME,
    ],
    root,
  );
  appendFileSync(
    path.join(dataDir, 'postgresql.auto.conf'),
    [
      `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres application_name=${STANDBY_NAME}'`,
      `primary_slot_name = '${STANDBY_NAME}'`,
      // Once promoted it has no standby of its own: waiting for one would stop every commit.
      "synchronous_standby_names = ''",
      '',
    ].join('\n'),
  );
  runAsService('touch', [path.join(dataDir, 'standby.signal')], root);
  const standby = await launch('standby', dataDir, port, runDir);
  await waitUntil('the standby to be in synchronous replication', 60, async () => {
    const rows = await query<{ sync_state: string }>(
      primary.adminUrl,
      'SELECT sync_state FROM pg_stat_replication WHERE application_name = $1',
      [STANDBY_NAME],
    );
    return rows[0]?.sync_state === 'sync';
  });
  return standby;
}

/** Promotes a standby and waits until it accepts writes. */
export async function promote(standby: PgNode): Promise<void> {
  await query(standby.adminUrl, 'SELECT pg_promote(wait => true, wait_seconds => 30)');
  await waitUntil('the promoted standby to accept writes', 30, async () => {
    const [row] = await query<{ recovering: boolean }>(
      standby.adminUrl,
      'SELECT pg_is_in_recovery() AS recovering',
    );
    return row?.recovering === false;
  });
}

/** The application's role and database (a non-superuser owning its database). */
export async function createAppDatabase(primary: PgNode, role: string, database: string) {
  await query(primary.adminUrl, `CREATE ROLE ${role} LOGIN`);
  await query(primary.adminUrl, `CREATE DATABASE ${database} OWNER ${role}`);
}

export function makeRunDir(root: string): string {
  const runDir = path.join(root, 'run');
  mkdirSync(runDir, { recursive: true });
  return runDir;
}
