// The process's Prometheus metrics (docs/decisions/030-health-logs-metrics.md), served by
// GET /api/metrics. ONE registry per process, kept on globalThis: the server in front of Next
// (scripts/next-server.ts) records the requests and Next's bundle of the route handler serves
// them, and the two load this module apart. Labels hold route patterns, never raw paths or ids.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type Metrics = {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route' | 'status'>;
  pool: Gauge<'state'>;
  queueDepth: Gauge<'queue'>;
  deadLetters: Gauge;
  sealLag: Gauge;
};

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: 'triad_' });
  const labelNames = ['method', 'route', 'status'] as const;
  return {
    registry,
    requests: new Counter({
      name: 'triad_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status.',
      labelNames,
      registers,
    }),
    duration: new Histogram({
      name: 'triad_http_request_duration_seconds',
      help: 'Time from a request arriving to its response ending, by method, route pattern and status.',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    pool: new Gauge({
      name: 'triad_db_pool_connections',
      help: 'Connections of the database pool: total open, idle, and callers waiting for one.',
      labelNames: ['state'],
      registers,
    }),
    queueDepth: new Gauge({
      name: 'triad_job_queue_depth',
      help: 'Background jobs waiting to run (created or waiting to retry), by queue.',
      labelNames: ['queue'],
      registers,
    }),
    deadLetters: new Gauge({
      name: 'triad_job_dead_letters',
      help: 'Jobs that failed every retry and sit in the dead-letter queue (kept 14 days).',
      registers,
    }),
    sealLag: new Gauge({
      name: 'triad_audit_seal_lag_seconds',
      help: 'Age of the oldest committed audit event not yet sealed (0 when all are sealed).',
      registers,
    }),
  };
}

const globalForMetrics = globalThis as unknown as { triadMetrics?: Metrics };

/** The process's one set of metrics. */
export function metrics(): Metrics {
  return (globalForMetrics.triadMetrics ??= createMetrics());
}

/** Counts one answered request and its latency. `route` is a pattern (lib/http/route-pattern.ts). */
export function recordRequest(request: {
  method: string | undefined;
  route: string;
  status: number;
  seconds: number;
}): void {
  const method = request.method && METHODS.has(request.method) ? request.method : 'OTHER';
  const labels = { method, route: request.route, status: String(request.status) };
  const { requests, duration } = metrics();
  requests.inc(labels);
  duration.observe(labels, request.seconds);
}

/** What /api/metrics reads from the database and the pool at each scrape (lib/data/operations.ts). */
export type OperationalState = {
  pool: { total: number; idle: number; waiting: number };
  queueDepth: Record<string, number>;
  deadLetters: number;
  sealLagSeconds: number;
};

/** Sets the gauges to a scrape's readings. */
export function setOperationalState(state: OperationalState): void {
  const m = metrics();
  for (const [name, value] of Object.entries(state.pool)) m.pool.set({ state: name }, value);
  m.queueDepth.reset(); // a queue gone since the last scrape must not linger
  for (const [queue, depth] of Object.entries(state.queueDepth)) m.queueDepth.set({ queue }, depth);
  m.deadLetters.set(state.deadLetters);
  m.sealLag.set(state.sealLagSeconds);
}
