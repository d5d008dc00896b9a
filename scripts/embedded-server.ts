// The embedded database's server process, started by scripts/database.ts: PGlite served on a
// loopback port over the Postgres wire protocol (docs/decisions/004-embedded-database.md), with
// what the stock `pglite-server` lacks (docs/decisions/016-start-up-durability-timeouts.md):
// - acknowledged commits are on disk: PGlite runs Postgres with fsync off, and its Node
//   filesystem has no fsync; here fsync is on and reaches the disk;
// - a first start interrupted during initdb leaves no half-made data directory;
// - it exits when the process that started it dies, even by SIGKILL;
// - one server per data folder (PGlite takes no lock of its own).
//
//   node --import tsx scripts/embedded-server.ts <data dir | memory://> <port>
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const [target = 'memory://', portArg = '54329'] = process.argv.slice(2);
const port = Number(portArg);

type EmscriptenStream = { nfd?: number };
type EmscriptenModule = {
  FS: { filesystems: { NODEFS: { stream_ops: Record<string, unknown> } } };
};

/**
 * PGlite's Node filesystem (Emscripten's NODEFS) answers fsync() without doing anything. Give
 * its files a real one, so Postgres' own WAL flush at commit reaches the disk.
 */
class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>) {
    const { emscriptenOpts } = await super.init(...args);
    const preRun = [
      ...((emscriptenOpts.preRun as ((mod: EmscriptenModule) => void)[] | undefined) ?? []),
      (mod: EmscriptenModule) => {
        mod.FS.filesystems.NODEFS.stream_ops.fsync = (stream: EmscriptenStream) => {
          if (stream.nfd !== undefined) fsyncSync(stream.nfd);
          return 0;
        };
      },
    ];
    return { emscriptenOpts: { ...emscriptenOpts, preRun } as typeof emscriptenOpts };
  }
}

// PGlite's defaults without `-F` (fsync off). Emscripten's fdatasync() is a no-op while fsync()
// reaches the filesystem, so the WAL is flushed with fsync.
const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];

function fsyncPath(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function open(dataDir: string): Promise<PGlite> {
  const db = new PGlite({ fs: new DurableNodeFS(dataDir), startParams: DURABLE_START_PARAMS });
  await db.waitReady;
  return db;
}

/**
 * Opens the data directory, creating it whole first when missing: initdb runs in a sibling
 * folder renamed into place once complete, so an interrupted first start is simply redone.
 */
async function openDataDir(dataDir: string): Promise<PGlite> {
  if (existsSync(dataDir)) return open(dataDir);
  const staging = `${dataDir}.initdb`;
  rmSync(staging, { recursive: true, force: true });
  await (await open(staging)).close();
  renameSync(staging, dataDir);
  fsyncPath(path.dirname(dataDir));
  return open(dataDir);
}

const running: { db?: PGlite; server?: PGLiteSocketServer } = {};
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Still starting: nothing to close that a kill would not leave the same way.
  if (!running.server || !running.db) process.exit(1);
  await running.server.stop();
  await running.db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
// The IPC channel to the parent closes when the parent dies, however it dies. Listened to before
// the slow start, so an orphan never lives on to serve the data folder beside a new server.
process.on('disconnect', () => void stop());

/** Whether a process lives: a zombie (killed, not yet reaped by init) counts as gone. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // Linux: the state follows the command name in parentheses; Z is a zombie.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/**
 * Claims the data folder for this process, refusing one a live process holds. A holder killed a
 * moment ago (a restart right after a crash) may still be dying: it gets a few seconds to go.
 */
async function lockDataDir(dataDir: string): Promise<void> {
  const lockFile = `${dataDir}.pid`;
  const holder = Number(existsSync(lockFile) ? readFileSync(lockFile, 'utf8') : 0);
  if (holder && holder !== process.pid) {
    const deadline = Date.now() + 5_000;
    while (isAlive(holder) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (isAlive(holder)) {
      console.error(`triad: the embedded database in ${dataDir} is in use by process ${holder}.`);
      process.exit(1);
    }
  }
  writeFileSync(lockFile, String(process.pid));
  process.on('exit', () => rmSync(lockFile, { force: true }));
}

if (target !== 'memory://') await lockDataDir(path.resolve(target));
const db = target === 'memory://' ? await PGlite.create() : await openDataDir(path.resolve(target));
const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 10 });
Object.assign(running, { db, server });
await server.start();
process.send?.('ready');
