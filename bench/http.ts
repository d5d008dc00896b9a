// The HTTP benchmark of issue 15 ("Audit at scale"): Triad in production mode against a raw
// node:http + pg server doing the same work per request (bench/http-baseline.ts), endpoint by
// endpoint, with autocannon at several concurrencies, while pg_stat_activity is sampled for lock
// waits. Prints a Markdown table and the issue's targets, and writes them to bench/results/.
//
//   npm run bench:http -- [--demo] [--database URL] [--endpoints a,b] [--concurrency 1,8,32]
//                         [--duration 10] [--no-baseline] [--statements]
//
// Default database: postgresql://postgres@127.0.0.1:5432/triad_scale (npm run db:scale).
// --demo: a fresh database seeded with the demo organization, dropped at the end.
// --statements: no measurement; prints the SQL Triad sends for one request to each endpoint.
// Each run first asks Triad once per endpoint with its SQL logged: the baseline sends the same data
// statements (bench/http/plan.ts); then Triad restarts without the log for the measurement.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ENDPOINT_NAMES, parseEndpoints, type Endpoint } from './http/endpoints';
import { measure, warmUp, type Target } from './http/load';
import { markdown, tableRow, header, type Row } from './http/report';
import { startBaseline, startTriad, type Server, type ServerEnv } from './http/servers';
import { findSubjects, type Subjects } from './http/subjects';
import { describePlan, kindOf, planOf, readLog, writePlan, type Plan } from './http/plan';

const TRIAD_PORT = 3301;
const BASELINE_PORT = 3302;
const WARM_UP_SECONDS = 2;

const { values: options } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    database: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/triad_scale' },
    endpoints: { type: 'string', default: ENDPOINT_NAMES.join(',') },
    concurrency: { type: 'string', default: '1,8,32' },
    duration: { type: 'string', default: '10' },
    'no-baseline': { type: 'boolean', default: false },
    statements: { type: 'boolean', default: false },
  },
});
const endpoints = parseEndpoints(options.endpoints);
const concurrencies = options.concurrency.split(',').map(Number);
const duration = Number(options.duration);
if (concurrencies.some((c) => !(c >= 1)) || !(duration > 0)) {
  throw new Error('--concurrency takes positive integers, --duration a positive number of seconds');
}
process.env.NEXTAUTH_SECRET ||= 'bench-http-secret-bench-http-secret';
const secret = process.env.NEXTAUTH_SECRET;
// The app's own pool size (lib/env.ts DB_POOL_MAX); the baseline gets the same.
const poolMax = process.env.DB_POOL_MAX ?? '10';

type Database = { url: string; label: string; drop: () => Promise<void> };

/** A fresh database seeded with the demo organization (prisma/seed.ts), dropped at the end. */
async function demoDatabase(): Promise<Database> {
  process.env.DATABASE_URL ||= 'postgresql://postgres@127.0.0.1:5432/postgres';
  const { createTestDatabase } = await import('@/tests/support/test-database');
  const database = await createTestDatabase('bench_http');
  const seed = spawn(process.execPath, ['--import', 'tsx', 'prisma/seed.ts'], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: 'inherit',
  });
  const code = await new Promise<number | null>((resolve) => seed.once('exit', resolve));
  if (code !== 0) {
    await database.drop();
    throw new Error(`the demo seed failed (exit ${code})`);
  }
  return { url: database.url, label: 'demo organization (prisma/seed.ts)', drop: database.drop };
}

async function describe(url: string, subjects: Subjects): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const count = async (table: string) =>
    (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n;
  const [patients, changes, events] = [
    await count('Patient'),
    await count('MedicationChange'),
    await count('AuditEvent'),
  ];
  await client.end();
  return `${patients} patients, ${changes} medication changes, ${events} audit events; the prescriber’s caseload: ${subjects.caseloadSize} patients; the patient read: ${subjects.medicationChanges} medication changes`;
}

async function cookieFor(account: Subjects['prescriber'], subjects: Subjects): Promise<string> {
  const { sessionCookie } = await import('@/tests/support/api');
  type Subject = Parameters<typeof sessionCookie>[0];
  // A patient's token also names the patient record (tests/support/api.ts reads `account`).
  const subject = account.role === 'PATIENT' ? { id: subjects.patientId, account } : { ...account };
  return sessionCookie(subject as unknown as Subject);
}

/** Fails loudly unless the endpoint answers 200 (a benchmark of 404s measures nothing). */
async function check(server: Server, target: Target, endpoint: Endpoint): Promise<void> {
  const response = await fetch(target.url, {
    headers: { cookie: target.cookie },
    redirect: 'manual',
  });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(
      `${server.name} answered ${response.status} to ${endpoint.name} (${target.url}): ${body.slice(0, 300)}`,
    );
  }
}

async function subjectsOf(url: string): Promise<Subjects> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await findSubjects(client);
  } finally {
    await client.end();
  }
}

/**
 * Triad once with its statements logged: one request per endpoint (after one that loads the
 * route), sorted into the plan the baseline follows (bench/http/plan.ts).
 */
async function capture(
  env: ServerEnv,
  subjects: Subjects,
  sqlLog: string,
): Promise<{ plan: Plan; lines: string[] }> {
  const triad = await startTriad(TRIAD_PORT, { ...env, sqlLog });
  const plan: Plan = {};
  const lines: string[] = [];
  try {
    for (const endpoint of endpoints) {
      const path = endpoint.path(subjects.patientId);
      const target = {
        url: `${triad.origin}${path}`,
        cookie: await cookieFor(endpoint.as(subjects), subjects),
      };
      await check(triad, target, endpoint);
      writeFileSync(sqlLog, '');
      await check(triad, target, endpoint);
      const sent = readLog(sqlLog);
      plan[path] = planOf(path, sent);
      lines.push(describePlan(endpoint, plan[path]));
      console.log(lines.at(-1));
      if (options.statements) {
        for (const s of sent)
          console.log(`  [${kindOf(s.text)}] ${s.text.replace(/\s+/g, ' ').slice(0, 300)}`);
      }
    }
  } finally {
    await triad.stop();
  }
  return { plan, lines };
}

async function targetsFor(servers: Server[], endpoint: Endpoint, subjects: Subjects) {
  const cookie = await cookieFor(endpoint.as(subjects), subjects);
  return servers.map((server) => ({
    server,
    target: { url: `${server.origin}${endpoint.path(subjects.patientId)}`, cookie },
  }));
}

/** Each endpoint: checked on both servers, warmed up, then each concurrency on one, then the other. */
async function run(servers: Server[], subjects: Subjects, url: string): Promise<Row[]> {
  const rows: Row[] = [];
  console.log(header());
  for (const endpoint of endpoints) {
    // Minted per endpoint: a session idles out 30 minutes after the activity it names.
    const targets = await targetsFor(servers, endpoint, subjects);
    for (const { server, target } of targets) await check(server, target, endpoint);
    for (const { target } of targets) await warmUp(target, WARM_UP_SECONDS);
    for (const c of concurrencies) {
      const loads = [];
      for (const { target } of targets) loads.push(await measure(target, c, duration, url));
      const row: Row = { endpoint: endpoint.name, c, triad: loads[0]!, baseline: loads[1] ?? null };
      console.log(tableRow(row));
      rows.push(row);
    }
  }
  return rows;
}

/**
 * What any request costs in Next on this machine: Triad's GET /api/health (the proxy and a route
 * handler; no session, no database) at each concurrency. No audited read can be faster.
 */
async function floor(triad: Server, url: string): Promise<string[]> {
  const target = { url: `${triad.origin}/api/health`, cookie: '' };
  await warmUp(target, WARM_UP_SECONDS);
  const lines = [];
  for (const c of concurrencies) {
    const result = await measure(target, c, duration, url);
    lines.push(
      `  c=${c}: ${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${result.failures ? ` (${result.failures} failures)` : ''}`,
    );
    console.log(`floor (GET /api/health)${lines.at(-1)}`);
  }
  return lines;
}

function load(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

type RunFacts = {
  label: string;
  dataset: string;
  loadBefore: string;
  statements: string[];
  caseloadSize: number;
  floor: string[];
};

function writeReport(facts: RunFacts, rows: Row[]): void {
  const date = new Date().toISOString();
  const args = process.argv.slice(2).join(' ');
  const report = markdown(
    [
      `### HTTP benchmark, ${date.slice(0, 10)} (\`npm run bench:http${args ? ` -- ${args}` : ''}\`)`,
      '',
      `Dataset: ${facts.label}: ${facts.dataset}. ${duration} s per run, pool ${poolMax} connections on both servers, Node ${process.version}, ${date}. Load average (1, 5, 15 min) before: ${facts.loadBefore}, after: ${load()}.`,
    ],
    rows,
    [
      ...endpoints.filter((e) => e.note).map((e) => `${e.name}: ${e.note}.`),
      'p50/p99 in ms as autocannon reports them (whole ms); ratio p99 counts a baseline p99 under 1 ms as 1 ms.',
      'lock-wait samples: backends of the database with wait_event_type = Lock, sampled every 100 ms during the run (the job runner and the audit sealer run in the Triad server as in production).',
      'Statements per request (one request each, logged before the measurement):',
      ...facts.statements.map((line) => `  ${line}`),
      'The floor: Triad’s GET /api/health (the proxy and a route handler, no session, no database), what any request costs in Next on this machine:',
      ...facts.floor,
    ],
    facts.caseloadSize,
  );
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/http-${date.slice(0, 16).replace(':', '')}.md`;
  writeFileSync(file, report);
  console.log(`\n${report}\nWritten to ${file}`);
}

async function main(): Promise<void> {
  const database: Database = options.demo
    ? await demoDatabase()
    : { url: options.database, label: options.database.replace(/^.*\//, ''), drop: async () => {} };
  const started: Server[] = [];
  try {
    const subjects = await subjectsOf(database.url);
    const env: ServerEnv = {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: secret,
      DB_POOL_MAX: poolMax,
    };
    console.log(`Starting Triad on port ${TRIAD_PORT} (builds first when the sources changed)…`);
    const planFile = `/tmp/bench-http-plan-${process.pid}.json`;
    const captured = await capture(env, subjects, `/tmp/bench-http-sql-${process.pid}.log`);
    writePlan(planFile, captured.plan);
    if (options.statements) return;
    started.push(await startTriad(TRIAD_PORT, env));
    if (!options['no-baseline']) started.push(await startBaseline(BASELINE_PORT, env, planFile));
    const dataset = await describe(database.url, subjects);
    const loadBefore = load();
    console.log(`Dataset: ${database.label}: ${dataset}\nLoad average before: ${loadBefore}`);
    const rows = await run(started, subjects, database.url);
    const floorLines = await floor(started[0]!, database.url);
    writeReport(
      {
        label: database.label,
        dataset,
        loadBefore,
        statements: captured.lines,
        caseloadSize: subjects.caseloadSize,
        floor: floorLines,
      },
      rows,
    );
  } finally {
    for (const server of started.reverse()) await server.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
