// Starting and stopping the two servers under test: Triad in production mode (scripts/serve.ts
// start, which builds when the sources changed, with its job runner and audit sealer on as in
// production) and the raw baseline (bench/http-baseline.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export type Server = { name: string; origin: string; stop: () => Promise<void> };

export type ServerEnv = {
  DATABASE_URL: string;
  NEXTAUTH_SECRET: string;
  DB_POOL_MAX: string;
  /** The SQL log of `--statements` (bench/http/sql-log.cjs), Triad only. */
  sqlLog?: string;
};

async function waitUntilServing(origin: string, child: ChildProcess, seconds: number) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`the server at ${origin} exited (${child.exitCode})`);
    const answered = await fetch(`${origin}/sign-in`, { redirect: 'manual' }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server at ${origin} did not answer within ${seconds} s`);
}

async function startProcess(
  name: string,
  port: number,
  args: string[],
  env: Record<string, string>,
  logFile: string,
  startSeconds: number,
): Promise<Server> {
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const origin = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilServing(origin, child, startSeconds);
  } catch (error) {
    await stop();
    throw new Error(`${name}: ${(error as Error).message}; see ${logFile}`);
  }
  return { name, origin, stop };
}

/** Triad as production runs it; the first start after a change of the sources builds it. */
export function startTriad(port: number, env: ServerEnv): Promise<Server> {
  const { sqlLog, ...rest } = env;
  return startProcess(
    'Triad',
    port,
    ['--import', 'tsx', 'scripts/serve.ts', 'start', '--port', String(port)],
    {
      ...rest,
      NEXTAUTH_URL: `http://localhost:${port}`,
      // As in production: the job runner and the audit sealer run in the app server, except while
      // the statements of one request are logged, where they would mix theirs in.
      TRIAD_JOBS: sqlLog ? 'off' : 'on',
      ...(sqlLog
        ? {
            TRIAD_BENCH_SQL_LOG: sqlLog,
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${process.cwd()}/bench/http/sql-log.cjs`,
          }
        : {}),
    },
    `/tmp/bench-http-triad-${port}.log`,
    900,
  );
}

/** The raw baseline, sending what the plan (bench/http/plan.ts) in `planFile` says. */
export function startBaseline(port: number, env: ServerEnv, planFile: string): Promise<Server> {
  const { sqlLog: _ignored, ...rest } = env;
  return startProcess(
    'baseline',
    port,
    ['--import', 'tsx', 'bench/http-baseline.ts', '--port', String(port)],
    { ...rest, NODE_ENV: 'production', BENCH_HTTP_PLAN: planFile },
    `/tmp/bench-http-baseline-${port}.log`,
    60,
  );
}
