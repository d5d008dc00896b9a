// Runs Triad: chooses the database (scripts/database.ts), applies migrations, optionally seeds the
// demo organization, builds when the sources changed, then serves Next through the server in
// front of it (scripts/next-server.ts, which resolves client addresses with TRUST_PROXY). Stopping
// this process (Ctrl-C) stops the server and the embedded database with it. `prepare` stops after
// the database steps (the first-start interruption tests use it).
//
//   tsx scripts/serve.ts dev|start|prepare [--seed] [--fresh-database] [--port N]
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { applyMigrations } from '../prisma/schema-engine';
import { DatabaseStartError, resolveDatabase, type Database } from './database';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'boolean', default: false },
    'fresh-database': { type: 'boolean', default: false },
    port: { type: 'string' },
  },
});
const mode = positionals[0] === 'dev' || positionals[0] === 'prepare' ? positionals[0] : 'start';
const port = values.port ?? process.env.PORT ?? '3000';
const nextBin = path.resolve('node_modules/next/dist/bin/next');
const quietEnv = { NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };

/** A stable secret for signing sessions: NEXTAUTH_SECRET, or one kept under .data/. */
function sessionSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve('.data/nextauth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

const SOURCES = [
  'app',
  'components',
  'lib',
  'prisma/schema.prisma',
  'proxy.ts',
  'next.config.js',
  'postcss.config.mjs',
  'package-lock.json',
];

/** A fingerprint of what the production build depends on, to skip rebuilding when nothing changed. */
function sourceFingerprint(): string {
  const hash = createHash('sha256');
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const info = statSync(entry);
    if (info.isDirectory()) {
      for (const child of readdirSync(entry).sort()) visit(path.join(entry, child));
    } else {
      hash.update(`${entry}:${info.size}:${info.mtimeMs}\n`);
    }
  };
  SOURCES.forEach(visit);
  return hash.digest('hex');
}

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
  stdio: 'inherit' | ['inherit', 'inherit', 'inherit', 'ipc'] = 'inherit',
): ChildProcess {
  return spawn(command, args, { stdio, env: { ...process.env, ...quietEnv, ...env } });
}

function waitFor(child: ChildProcess): Promise<number> {
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );
}

async function openDatabase(): Promise<Database> {
  if (values['fresh-database']) {
    const { createTestDatabase } = await import('../tests/support/test-database');
    const fresh = await createTestDatabase('e2e');
    return { url: fresh.url, embedded: !process.env.DATABASE_URL, stop: fresh.drop };
  }
  const database = await resolveDatabase();
  // Behind a pooler in transaction mode the migration lock (a session-level advisory lock) cannot
  // hold: DIRECT_DATABASE_URL, when set, names the primary itself (docs/decisions/031-cluster.md).
  await applyMigrations(process.env.DIRECT_DATABASE_URL || database.url).catch(
    async (error: unknown) => {
      await database.stop();
      const reason = error instanceof Error ? error.message : String(error);
      throw new DatabaseStartError(`migration failed: ${reason}`);
    },
  );
  return database;
}

let database: Database;
try {
  database = await openDatabase();
} catch (error) {
  if (error instanceof DatabaseStartError) {
    console.error(`triad: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const appEnv = {
  DATABASE_URL: database.url,
  NEXTAUTH_SECRET: sessionSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  // The embedded server serves one transaction at a time and mixes up the statements of
  // concurrent connections: give it exactly one (docs/decisions/004-embedded-database.md).
  DB_POOL_MAX: database.embedded ? '1' : (process.env.DB_POOL_MAX ?? '10'),
  // The job runner then shares that connection (docs/decisions/023-jobs-and-email.md).
  TRIAD_EMBEDDED_DATABASE: database.embedded ? '1' : '0',
  // Requests there wait their turn for that one connection, as transactions do (lib/db.ts).
  ...(database.embedded && !process.env.DB_CONNECT_TIMEOUT_MS
    ? { DB_CONNECT_TIMEOUT_MS: '15000' }
    : {}),
};

let current: ChildProcess | undefined;
let stopping = false;
async function shutdown(code: number): Promise<never> {
  stopping = true;
  if (current && current.exitCode === null) {
    current.kill('SIGTERM');
    await waitFor(current);
  }
  await database.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function step(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  stdio?: Parameters<typeof run>[3],
): Promise<void> {
  current = run(command, args, { ...appEnv, ...env }, stdio);
  const code = await waitFor(current);
  if (stopping) return;
  if (code !== 0) await shutdown(code);
}

// With an IPC channel, so the seed stops when this process dies, even by SIGKILL.
if (values.seed) {
  await step(process.execPath, ['--import', 'tsx', 'prisma/seed.ts'], {}, [
    'inherit',
    'inherit',
    'inherit',
    'ipc',
  ]);
}
if (mode === 'prepare') await shutdown(0);

if (mode === 'start') {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const stamp = path.resolve(distDir, 'triad-source-fingerprint');
  const fingerprint = sourceFingerprint();
  const built =
    existsSync(path.join(distDir, 'BUILD_ID')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === fingerprint;
  if (!built) {
    console.log('Building Triad (once per change of the sources)…');
    await step(process.execPath, [nextBin, 'build'], { NODE_ENV: 'production' });
    writeFileSync(stamp, fingerprint);
  }
}

console.log(
  `Triad on http://localhost:${port} (database: ${database.embedded ? 'embedded PGlite' : 'PostgreSQL'})`,
);
current = run(
  process.execPath,
  ['--import', 'tsx/esm', 'scripts/next-server.ts', mode, '--port', port],
  // `next start` and `next dev` set NODE_ENV themselves; a custom server must.
  { ...appEnv, NODE_ENV: mode === 'start' ? 'production' : 'development' },
);
const code = await waitFor(current);
if (!stopping) await shutdown(code);
