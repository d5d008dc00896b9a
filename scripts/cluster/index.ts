// The local cluster (docs/deployment.md, docs/decisions/031-cluster.md), started in order:
// PostgreSQL primary, its synchronous hot standby, the app's database (migrated and seeded on the
// primary directly), PgBouncer (transaction mode) in front of the primary, the app servers and the
// job worker through PgBouncer, nginx over HTTPS in front of the app servers.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startProxy, type Proxy } from './nginx';
import { startBouncer, type Bouncer } from './pgbouncer';
import { createAppDatabase, makeRunDir, startPrimary, startStandby, type PgNode } from './postgres';
import { serviceUser, start, stopAll, waitUntil, type Managed } from './processes';

export const PORTS = {
  primary: 5441,
  standby: 5442,
  bouncer: 6441,
  nginx: 8443,
  apps: [3611, 3612],
};
const ROLE = 'triad';
const DATABASE = 'triad';

export type Cluster = {
  root: string;
  url: string;
  certFile: string;
  primary: PgNode;
  standby: PgNode;
  bouncer: Bouncer;
  proxy: Proxy;
  apps: { port: number; origin: string; process: Managed }[];
  worker: Managed;
  /** The app's database URL on a PostgreSQL node, bypassing PgBouncer (checks only). */
  directUrl: (node: PgNode) => string;
  stop: () => Promise<void>;
};

/** PgBouncer and nginx from Debian's packages, installed when missing (root only), never started as services. */
function ensurePackages(): void {
  const missing = ['pgbouncer', 'nginx'].filter((name) => !existsSync(`/usr/sbin/${name}`));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `missing ${missing.join(', ')}: run  sudo apt-get install -y ${missing.join(' ')}`,
    );
  console.log(
    `Installing ${missing.join(', ')} from Debian (apt-get install -y ${missing.join(' ')})…`,
  );
  execFileSync('apt-get', ['install', '-y', ...missing], {
    stdio: 'inherit',
    // The cluster runs its own instances on its own ports; the packages' services stay stopped.
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' },
  });
  for (const name of missing) {
    for (const [command, ...args] of [
      ['systemctl', 'disable', '--now', name],
      ['service', name, 'stop'],
    ] as [string, ...string[]][]) {
      try {
        execFileSync(command, args, { stdio: 'ignore' });
      } catch {
        // No systemd or the service was not running: nothing to stop.
      }
    }
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function checkPorts(): Promise<void> {
  const all = [PORTS.primary, PORTS.standby, PORTS.bouncer, PORTS.nginx, ...PORTS.apps];
  const taken = [];
  for (const port of all) if (!(await portFree(port))) taken.push(port);
  if (taken.length > 0)
    throw new Error(`ports in use: ${taken.join(', ')} (is a cluster already running?)`);
}

/** The cluster's directory, owned by the service user (PostgreSQL and PgBouncer write there). */
function makeRoot(): string {
  const root = mkdtempSync('/tmp/triad-cluster-');
  for (const sub of ['pgbouncer', 'run']) mkdirSync(path.join(root, sub));
  const owner = serviceUser();
  if (owner)
    for (const dir of [root, path.join(root, 'pgbouncer'), path.join(root, 'run')])
      chownSync(dir, owner.uid, owner.gid);
  return root;
}

const nodeArgs = (script: string, ...rest: string[]) => ['--import', 'tsx', script, ...rest];

async function prepareDatabase(root: string, directUrl: string): Promise<void> {
  console.log('Migrating and seeding the demo organization on the primary…');
  const prepare = start(
    'prepare',
    process.execPath,
    nodeArgs('scripts/serve.ts', 'prepare', '--seed'),
    {
      logFile: path.join(root, 'prepare.log'),
      env: { DATABASE_URL: directUrl },
    },
  );
  await prepare.exited;
  if (prepare.child.exitCode !== 0)
    throw new Error(`migrating or seeding failed; see ${prepare.logFile}`);
}

async function startApp(root: string, port: number, env: Record<string, string>) {
  const process_ = start(
    `app ${port}`,
    process.execPath,
    nodeArgs('scripts/serve.ts', 'start', '--port', String(port)),
    {
      logFile: path.join(root, `app-${port}.log`),
      env,
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  // The first start after a change of the sources builds the app: minutes on a small machine.
  // Ready (docs/decisions/030-health-logs-metrics.md): the database answers and is migrated.
  await waitUntil(
    `the app server on port ${port} to be ready`,
    900,
    async () => (await fetch(`${origin}/api/ready`)).status === 200,
    process_,
  );
  return { port, origin, process: process_ };
}

let stopCurrent: (() => Promise<void>) | undefined;

/** Stops the cluster being started or running in this process, if any (signal handlers). */
export const stopCluster = (): Promise<void> => stopCurrent?.() ?? Promise.resolve();

export async function startCluster(options: { keep?: boolean } = {}): Promise<Cluster> {
  ensurePackages();
  await checkPorts();
  const root = makeRoot();
  // Once: Ctrl-C reaches this process more than once (the terminal's signal to the process group,
  // and npm and tsx relaying it), and a second stop must wait for the first, not exit early.
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await stopAll();
      if (!options.keep) rmSync(root, { recursive: true, force: true });
      else console.log(`Kept ${root}`);
    })());
  stopCurrent = stop;
  try {
    return await assemble(root, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

async function assemble(root: string, stop: () => Promise<void>): Promise<Cluster> {
  const runDir = makeRunDir(root);
  const owner = serviceUser();
  if (owner) chownSync(runDir, owner.uid, owner.gid);
  console.log(`Cluster files in ${root}`);
  const primary = await startPrimary(root, PORTS.primary, runDir);
  const standby = await startStandby(root, PORTS.standby, runDir, primary);
  console.log(`PostgreSQL primary on ${PORTS.primary}, synchronous standby on ${PORTS.standby}`);
  await createAppDatabase(primary, ROLE, DATABASE);
  const directUrl = (node: PgNode) => `postgresql://${ROLE}@127.0.0.1:${node.port}/${DATABASE}`;
  await prepareDatabase(root, directUrl(primary));
  const bouncer = await startBouncer({
    dir: path.join(root, 'pgbouncer'),
    port: PORTS.bouncer,
    runDir,
    database: DATABASE,
    users: [ROLE, 'postgres'],
    postgresPort: PORTS.primary,
  });
  console.log(`PgBouncer (transaction mode) on ${PORTS.bouncer}`);
  const url = `https://localhost:${PORTS.nginx}`;
  const appEnv = {
    DATABASE_URL: `postgresql://${ROLE}@127.0.0.1:${PORTS.bouncer}/${DATABASE}`,
    DIRECT_DATABASE_URL: directUrl(primary),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: url,
    TRUST_PROXY: 'loopback',
    TRIAD_JOBS: 'off',
    DB_POOL_MAX: '10',
  };
  const apps = [];
  for (const port of PORTS.apps) {
    apps.push(await startApp(root, port, appEnv));
    console.log(`App server on ${port}`);
  }
  const worker = start(
    'worker',
    process.execPath,
    ['--conditions=react-server', ...nodeArgs('scripts/worker.ts')],
    {
      logFile: path.join(root, 'worker.log'),
      env: appEnv,
    },
  );
  const proxy = await startProxy({
    dir: path.join(root, 'nginx'),
    port: PORTS.nginx,
    appPorts: PORTS.apps,
  });
  return {
    root,
    url,
    certFile: proxy.certFile,
    primary,
    standby,
    bouncer,
    proxy,
    apps,
    worker,
    directUrl,
    stop,
  };
}
