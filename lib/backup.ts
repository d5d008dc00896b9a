// Backups (docs/operations/backups.md): a pg_dump in custom format with a manifest of every table's
// row count taken in the very snapshot the dump reads, and a restore into a new database that is
// then checked against that manifest and by the audit trail's verification. Plain `pg` and the
// PostgreSQL client programs on PATH; no app imports beyond the audit verifier.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { verifyAuditTrail, type TrailReport } from './audit-verify';

export type Manifest = {
  format: 'triad-backup/1';
  database: string;
  serverVersion: string;
  /** When the snapshot was taken (the dump holds the database as of this instant). */
  takenAt: string;
  /** Every table of the database (schema-qualified), with its row count in the snapshot. */
  counts: Record<string, number>;
};

export const manifestPath = (dumpFile: string) => `${dumpFile}.manifest.json`;

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** The tables whose rows a backup holds: ordinary tables and partitions, in every user schema. */
async function tableNames(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY 1, 2`,
  );
  return rows.map((r) => `${quote(r.schema)}.${quote(r.name)}`);
}

/** Row counts of every table, read in the client's current transaction (its snapshot). */
export async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tableNames(client)) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

/** Runs a PostgreSQL client program; rejects with its stderr when it fails. */
export function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${program} exited with ${code}: ${stderr.trim()}`));
    });
  });
}

export type BackupResult = { manifest: Manifest; bytes: number; countMs: number; dumpMs: number };

/**
 * Dumps `url` to `file` (pg_dump custom format) and writes the manifest beside it. The counts are
 * taken inside a REPEATABLE READ transaction that exports its snapshot, and pg_dump reads through
 * that same snapshot (--snapshot), so the manifest describes exactly the rows in the dump, however
 * busy the database is.
 */
export async function backup(url: string, file: string): Promise<BackupResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ snapshot: string; at: Date; db: string; v: string }>(
      `SELECT pg_export_snapshot() AS snapshot, now() AS at, current_database() AS db,
              current_setting('server_version') AS v`,
    );
    const { snapshot, at, db, v } = rows[0]!;
    let started = performance.now();
    const counts = await countRows(client);
    const countMs = performance.now() - started;
    started = performance.now();
    // The snapshot lives as long as this transaction: pg_dump must start reading before we end it.
    await run('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--file=${file}`, url]);
    const dumpMs = performance.now() - started;
    await client.query('COMMIT');
    const manifest: Manifest = {
      format: 'triad-backup/1',
      database: db,
      serverVersion: v,
      takenAt: at.toISOString(),
      counts,
    };
    await writeFile(manifestPath(file), `${JSON.stringify(manifest, null, 2)}\n`);
    return { manifest, bytes: statSync(file).size, countMs, dumpMs };
  } finally {
    await client.end();
  }
}

export async function readManifest(dumpFile: string): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(manifestPath(dumpFile), 'utf8')) as Manifest;
  if (manifest.format !== 'triad-backup/1') {
    throw new Error(`${manifestPath(dumpFile)} is not a Triad backup manifest`);
  }
  return manifest;
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/**
 * Creates database `name` on the server, or takes an existing one only when it has no tables:
 * a restore never writes over data.
 */
export async function prepareTarget(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await admin.query(`CREATE DATABASE ${quote(name)}`);
      return;
    }
  } finally {
    await admin.end();
  }
  const target = new pg.Client({ connectionString: databaseUrl(serverUrl, name) });
  await target.connect();
  try {
    const tables = await tableNames(target);
    if (tables.length > 0) {
      throw new Error(
        `database ${name} already exists and holds ${tables.length} tables: restore into a new one`,
      );
    }
  } finally {
    await target.end();
  }
}

/**
 * Restores `file` into the new database `name` on the server of `serverUrl` (pg_restore, `jobs` in
 * parallel); the restored database's URL. Owners and grants are not restored: the restoring role
 * owns what it restores.
 */
export async function restoreInto(
  file: string,
  serverUrl: string,
  name: string,
  jobs = 2,
): Promise<string> {
  await prepareTarget(serverUrl, name);
  const target = databaseUrl(serverUrl, name);
  await run('pg_restore', ['--no-owner', '--no-acl', `--jobs=${jobs}`, `--dbname=${target}`, file]);
  return target;
}

export type Verification = {
  /** Tables whose count differs from the manifest (or is missing on one side), in words. */
  mismatches: string[];
  tables: number;
  rows: number;
  trail: TrailReport;
  /**
   * The server's transaction ids are still below the last seal's end (a restore into another
   * cluster, whose counter started afresh): new events would fall into sealed ranges. Null if fine.
   */
  txidBehind: string | null;
};

async function txidBehind(client: pg.Client): Promise<string | null> {
  const { rows } = await client.query<{ current: string; sealed: string | null }>(
    `SELECT (pg_current_xact_id()::text) AS current,
            (SELECT max("toTxid")::text FROM "AuditSeal") AS sealed`,
  );
  const { current, sealed } = rows[0]!;
  if (sealed === null || BigInt(current) >= BigInt(sealed)) return null;
  return `this server's transaction id ${current} is below the last seal's end ${sealed}`;
}

/** Compares every table's row count with the manifest, and verifies the audit trail. */
export async function verifyRestore(url: string, manifest: Manifest): Promise<Verification> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts = await countRows(client);
    const names = new Set([...Object.keys(manifest.counts), ...Object.keys(counts)]);
    const mismatches = [...names]
      .filter((t) => manifest.counts[t] !== counts[t])
      .map(
        (t) =>
          `${t}: ${manifest.counts[t] ?? 'absent'} in the backup, ${counts[t] ?? 'absent'} restored`,
      );
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    const trail = await verifyAuditTrail(client);
    return { mismatches, tables: names.size, rows, trail, txidBehind: await txidBehind(client) };
  } finally {
    await client.end();
  }
}
