// The raw baseline of the HTTP benchmark (bench/http.ts): plain node:http and pg, a pool of the
// app's size (DB_POOL_MAX), and for each endpoint the work Triad does, without Next, React, Prisma
// or a transaction: the session cookie decoded and the account checked in one statement, the
// patient's scope checked in one, the data statements Triad sent for the same request (the plan,
// bench/http/plan.ts), and one audit INSERT per event Triad wrote, hashed the same way. Answers
// JSON (the caseload page too: no HTML rendering here).
//
//   node --import tsx bench/http-baseline.ts --port 3302   (DATABASE_URL, NEXTAUTH_SECRET,
//   DB_POOL_MAX and BENCH_HTTP_PLAN, the plan's file, from the environment)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { audit, patientInScope, viewerOf } from './http/baseline-core';
import { loadPlan, type EndpointPlan } from './http/plan';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3302' } } });
const secret = process.env.NEXTAUTH_SECRET!;
const plan = loadPlan(process.env.BENCH_HTTP_PLAN!);
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_MAX ?? 10),
  // As lib/db.ts sets them.
  statement_timeout: 5000,
  query_timeout: 6000,
  idle_in_transaction_session_timeout: 15000,
});

const PATIENT_PATH = /^\/api\/v1\/patients\/([0-9a-f-]{36})\//;

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function serve(endpoint: EndpointPlan, request: IncomingMessage, response: ServerResponse) {
  const viewer = await viewerOf(pool, request, secret);
  if (!viewer) return send(response, 401, { title: 'Sign in' });
  if (viewer.mustEnrolSecondFactor) return send(response, 403, { title: 'Second factor' });
  const patientId = PATIENT_PATH.exec(endpoint.path)?.[1];
  if (endpoint.scoped && patientId) {
    const patient = await patientInScope(pool, viewer, patientId);
    if (!patient) return send(response, 404, { title: 'Not found' });
  }
  const results: unknown[][] = [];
  for (const statement of endpoint.data) {
    results.push((await pool.query(statement.text, statement.values)).rows);
  }
  for (const access of endpoint.audits) await audit(pool, viewer, access);
  send(response, 200, { results });
}

const server = createServer((request, response) => {
  const endpoint = plan[(request.url ?? '').split('?')[0]!];
  if (!endpoint) return send(response, 404, { title: 'Not found' });
  serve(endpoint, request, response).catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) send(response, 500, { title: 'Error' });
  });
});
server.listen(Number(values.port), () => console.log(`baseline ready on port ${values.port}`));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
