// Choosing the database, in one place (docs/decisions/004-embedded-database.md):
// DATABASE_URL set means that PostgreSQL; unset means the embedded PGlite server, served on a
// loopback port over the Postgres wire protocol, so the app runs the same adapter-pg code path.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

export class DatabaseStartError extends Error {}

const require = createRequire(import.meta.url);
const SERVER_SCRIPT = fileURLToPath(new URL('./embedded-server.ts', import.meta.url));

function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** Fails with one clear line when the URL is malformed or the server does not answer. */
export async function checkConnection(url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseStartError(
      'DATABASE_URL is not a valid URL (expected postgresql://user@host:port/database).',
    );
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new DatabaseStartError(
      `DATABASE_URL must start with postgresql:// (got ${parsed.protocol}//).`,
    );
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DatabaseStartError(`Cannot reach PostgreSQL at ${describe(url)}: ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) {
        reject(
          new DatabaseStartError(
            `The embedded database exited during start-up (code ${child.exitCode}).`,
          ),
        );
        return;
      }
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline)
          reject(new DatabaseStartError('The embedded database did not start in time.'));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts PGlite's socket server as a child process. `dataDir` null keeps the data in memory.
 * The server stops with the returned `stop`, and with this process.
 */
export async function startEmbedded(options: {
  dataDir: string | null;
  port: number;
}): Promise<Database> {
  if (!(await portIsFree(options.port))) {
    throw new DatabaseStartError(
      `Port ${options.port} is taken: is Triad already running? Set EMBEDDED_DB_PORT to use another.`,
    );
  }
  let db = 'memory://';
  if (options.dataDir) {
    mkdirSync(path.dirname(path.resolve(options.dataDir)), { recursive: true });
    db = path.resolve(options.dataDir);
  }
  // With an IPC channel, so the server exits when this process dies, even by SIGKILL.
  const child = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(require.resolve('tsx')).href,
      SERVER_SCRIPT,
      db,
      String(options.port),
    ],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  child.channel?.unref();
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);
  await waitForPort(options.port, child, 60_000);
  const url = `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`;
  return {
    url,
    embedded: true,
    stop: () =>
      new Promise((resolve) => {
        process.off('exit', kill);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** The database the app and the scripts use, as the environment says. */
export async function resolveDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL?.trim();
  if (url) {
    await checkConnection(url);
    return { url, embedded: false, stop: async () => {} };
  }
  const port = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
  return startEmbedded({ dataDir: process.env.EMBEDDED_DB_DIR ?? '.data/pglite', port });
}

/** Runs `main` with a database, printing one line instead of a stack trace when it cannot start. */
export async function withDatabase<T>(main: (db: Database) => Promise<T>): Promise<T> {
  let database: Database;
  try {
    database = await resolveDatabase();
  } catch (error) {
    if (error instanceof DatabaseStartError) {
      console.error(`triad: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  try {
    return await main(database);
  } finally {
    await database.stop();
  }
}
