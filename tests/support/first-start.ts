// A first start (`scripts/serve.ts prepare --seed`: migrations and the demo seed, no Next build)
// killed with SIGKILL, then a second start, then a look at what the database holds. Used by
// tests/integration/first-start.test.ts (a few kill points) and scripts/first-start-kills.ts
// (many random ones).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startEmbedded } from '../../scripts/database';
import { MIGRATIONS_DIR } from '../../prisma/schema-engine';

export type Target = {
  kind: 'embedded' | 'postgres';
  env: Record<string, string>;
  /** Runs `inspect` against the database (starting the embedded server when needed). */
  withClient<T>(inspect: (client: pg.Client) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
};

/** A database nobody has started Triad on: an empty data folder, or a new PostgreSQL database. */
export async function freshTarget(kind: Target['kind']): Promise<Target> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  if (kind === 'embedded') {
    const dir = await mkdtemp(path.join(tmpdir(), 'triad-first-start-'));
    const dataDir = path.join(dir, 'pglite');
    const port = await freePort();
    return {
      kind,
      env: { ...base, EMBEDDED_DB_DIR: dataDir, EMBEDDED_DB_PORT: String(port) },
      withClient: (inspect) => withEmbedded(dataDir, inspect),
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to the PostgreSQL server to test against.');
  const name = `triad_first_start_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { ...base, DATABASE_URL: url.toString() },
    withClient: (inspect) => withClient(url.toString(), inspect),
    dispose: () =>
      withClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      ).then(() => {}),
  };
}

/** Runs `inspect` against an embedded server started on `dataDir` (on a free port), then stops it. */
export async function withEmbedded<T>(
  dataDir: string,
  inspect: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const server = await startEmbedded({ dataDir, port: await freePort() });
  try {
    return await withClient(server.url, inspect);
  } finally {
    await server.stop();
  }
}

async function withClient<T>(url: string, inspect: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await inspect(client);
  } finally {
    await client.end();
  }
}

export type StartResult = { code: number | null; output: string };

/** Starts `serve.ts prepare --seed` in its own process group. */
export function startPrepare(target: Target): ChildProcess & { output: () => string } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/serve.ts', 'prepare', '--seed'],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...target.env,
        NODE_ENV: 'development',
        PORT: String(30000 + Math.floor(Math.random() * 10000)),
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * How the first start dies: `group` kills it and its children at once (a closed terminal, a
 * power cut of the app); `parent` kills serve.ts alone, whose children must then stop by
 * themselves.
 */
export type KillMode = 'group' | 'parent';

export async function kill(child: ChildProcess, mode: KillMode): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(mode === 'group' ? -child.pid! : child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  await exited(child);
}

/** Waits until the process group has no member left (the orphans of a `parent` kill). */
export async function groupGone(child: ChildProcess, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(-child.pid!, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Runs a whole start to its end. */
export async function runPrepare(target: Target, timeoutMs = 300_000): Promise<StartResult> {
  const child = startPrepare(target);
  const timer = setTimeout(() => void kill(child, 'group'), timeoutMs);
  const code = await exited(child);
  clearTimeout(timer);
  return { code, output: child.output() };
}

export type DatabaseState = {
  migrations: { finished: number; expected: number; unfinished: number };
  organizations: number;
  users: number;
  patientsWithHistory: number;
};

/** What the database holds; `lenient` counts a missing table as empty (a start killed early). */
export async function databaseState(
  target: Pick<Target, 'withClient'>,
  { lenient = false } = {},
): Promise<DatabaseState> {
  const expected = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) =>
    e.isDirectory(),
  ).length;
  return target.withClient(async (client) => {
    const count = async (sql: string) => {
      try {
        return Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
      } catch (error) {
        if (lenient && (error as { code?: string }).code === '42P01') return 0;
        throw error;
      }
    };
    return {
      migrations: {
        finished: await count(
          'SELECT count(DISTINCT migration_name) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        ),
        expected,
        unfinished: await count(
          'SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL',
        ),
      },
      organizations: await count('SELECT count(*) AS n FROM "Organization"'),
      users: await count('SELECT count(*) AS n FROM "User"'),
      patientsWithHistory: await count(
        'SELECT count(DISTINCT "patientId") AS n FROM "TreatmentPlan"',
      ),
    };
  });
}

/** The state of a database that a whole first start migrated and seeded. */
export function completeState(expectedMigrations: number): DatabaseState {
  return {
    migrations: { finished: expectedMigrations, expected: expectedMigrations, unfinished: 0 },
    organizations: 2,
    users: 10,
    patientsWithHistory: 4,
  };
}
