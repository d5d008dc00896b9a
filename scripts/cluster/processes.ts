// Child processes of the local cluster (scripts/cluster.ts): each started with its output in a log
// file under the cluster's directory, run as the `postgres` OS user where PostgreSQL and PgBouncer
// require it (both refuse root), and stopped in reverse order of starting.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

type Identity = { uid: number; gid: number } | undefined;

let postgresIdentity: Identity | null = null;

/** The `postgres` OS user when running as root (PostgreSQL refuses root), else nobody special. */
export function serviceUser(): Identity {
  if (postgresIdentity !== null) return postgresIdentity;
  if (process.getuid?.() !== 0) return (postgresIdentity = undefined);
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  postgresIdentity = { uid: id('-u'), gid: id('-g') };
  return postgresIdentity;
}

/** Runs a command to its end as the service user; throws with its output when it fails. */
export function runAsService(command: string, args: string[], cwd = '/tmp'): string {
  try {
    return execFileSync(command, args, {
      ...serviceUser(),
      cwd,
      env: { ...process.env, HOME: cwd },
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString();
  } catch (error) {
    const failed = error as { stderr?: Buffer; stdout?: Buffer };
    const output = `${failed.stdout?.toString() ?? ''}${failed.stderr?.toString() ?? ''}`.trim();
    throw new Error(`${command} ${args.join(' ')} failed:\n${output}`);
  }
}

export type Managed = {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

const running: Managed[] = [];

export function start(
  name: string,
  command: string,
  args: string[],
  options: { logFile: string; env?: Record<string, string>; asService?: boolean; cwd?: string },
): Managed {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, {
    ...(options.asService ? serviceUser() : {}),
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const managed: Managed = {
    name,
    child,
    logFile: options.logFile,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      // A process that ignores the signal is killed after 15 s rather than holding up the stop.
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(force);
    },
  };
  running.push(managed);
  return managed;
}

/** Whether the process is still running. */
export const alive = (managed: Managed) =>
  managed.child.exitCode === null && managed.child.signalCode === null;

/** Stops every process started here, the last started first. */
export async function stopAll(): Promise<void> {
  while (running.length > 0) {
    const managed = running.pop()!;
    await managed.stop(managed.name.startsWith('postgres') ? 'SIGINT' : 'SIGTERM').catch(() => {});
  }
}

/** Polls `check` until it returns true, or throws after `seconds` naming `what`. */
export async function waitUntil(
  what: string,
  seconds: number,
  check: () => Promise<boolean>,
  watched?: Managed,
): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (watched && !alive(watched))
      throw new Error(`${watched.name} exited while waiting for ${what}; see ${watched.logFile}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${seconds} s waiting for ${what}`);
}
