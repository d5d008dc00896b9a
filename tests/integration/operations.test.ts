// The operations endpoints (docs/decisions/030-health-logs-metrics.md): liveness, readiness and
// the Prometheus metrics, called as Next calls their route handlers; and the log capture the
// suite-wide PHI check reads.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import PgBoss from 'pg-boss';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, describe, expect, inject, it, vi } from 'vitest';

const TOKEN = 'metrics-token-for-the-integration-tests';
// Before lib/env is first imported (by the imports below).
process.env.METRICS_TOKEN = TOKEN;

const { db } = await import('@/lib/db');
const { env } = await import('@/lib/env');
const { log } = await import('@/lib/log');
const { recordRequest } = await import('@/lib/metrics');
const { readiness, shippedMigrations } = await import('@/lib/data/operations');
const { sealUpToNow } = await import('@/lib/data/audit-seals');
const { sharedJobsConnection } = await import('@/lib/data/jobs-connection');
const { QUEUES } = await import('@/lib/jobs');
const health = await import('@/app/api/health/route');
const ready = await import('@/app/api/ready/route');
const metricsRoute = await import('@/app/api/metrics/route');

const draining = globalThis as { triadDraining?: boolean };
afterEach(() => {
  delete draining.triadDraining;
});

function scrape(authorization?: string): Promise<Response> {
  const headers = authorization ? { authorization } : undefined;
  return metricsRoute.GET(new NextRequest('http://localhost:3000/api/metrics', { headers }));
}

/** The value of one sample of the exposition text, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /api/health', () => {
  it('answers 200 without a database or a session, never cached', async () => {
    const response = health.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /api/ready', () => {
  it('answers 200 when the database answers and every shipped migration is applied', async () => {
    expect(shippedMigrations()).toContain('20261127023935_init');
    const response = await ready.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('is not ready while a shipped migration is not applied', async () => {
    const future = '20991231000000_not_yet_applied';
    expect(await readiness([...shippedMigrations(), future])).toEqual({
      ready: false,
      reason: `migrations not applied: ${future}`,
    });
  });

  it('answers 503 with a problem while the server drains', async () => {
    draining.triadDraining = true; // as scripts/next-server.ts does on SIGTERM
    const response = await ready.GET();
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({
      status: 503,
      detail: 'This server is shutting down.',
    });
  });
});

describe('GET /api/ready without a database', () => {
  it('answers 503 with a problem when the database does not answer', async () => {
    // A pool of its own, to an address where nothing listens: lib/db keeps its pool on globalThis.
    const cache = globalThis as { triadPool?: unknown; triadDb?: unknown };
    const saved = { pool: cache.triadPool, db: cache.triadDb, url: process.env.DATABASE_URL };
    delete cache.triadPool;
    delete cache.triadDb;
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:9/nowhere';
    vi.resetModules();
    const unreachablePool = (await import('@/lib/db')).pool;
    try {
      const unreachable = await import('@/app/api/ready/route');
      const response = await unreachable.GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: 503,
        detail: 'Not ready: the database does not answer.',
      });
    } finally {
      await unreachablePool.end();
      Object.assign(cache, { triadPool: saved.pool, triadDb: saved.db });
      process.env.DATABASE_URL = saved.url;
    }
  });
});

describe('GET /api/metrics', () => {
  it('is off (404) without METRICS_TOKEN, and refuses a missing or wrong token (401)', async () => {
    const saved = env.METRICS_TOKEN;
    env.METRICS_TOKEN = undefined;
    try {
      expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    } finally {
      env.METRICS_TOKEN = saved;
    }
    for (const authorization of [undefined, `Bearer ${TOKEN}-wrong`, `Basic ${TOKEN}`]) {
      const response = await scrape(authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(await response.text()).not.toContain('triad_');
    }
  });

  it('serves request counts and latencies by route pattern and status, in the Prometheus format', async () => {
    // As the server in front of Next records them: the one registry is shared through globalThis.
    recordRequest({
      method: 'GET',
      route: '/api/v1/patients/{patientId}',
      status: 200,
      seconds: 0.03,
    });
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    const labels = 'method="GET",route="/api/v1/patients/{patientId}",status="200"';
    expect(sample(text, `triad_http_requests_total{${labels}}`)).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, `triad_http_request_duration_seconds_bucket{le="0.05",${labels}}`),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'triad_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'triad_db_pool_connections{state="waiting"}')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('triad_process_resident_memory_bytes');
  });

  it('reads the job queues and dead letters from pg-boss’s tables', async () => {
    const boss = new PgBoss({
      schema: 'pgboss',
      supervise: false,
      schedule: false,
      ...(inject('embeddedDatabase')
        ? { db: sharedJobsConnection }
        : { connectionString: process.env.DATABASE_URL!, max: 1 }),
    });
    await boss.start();
    try {
      const queue = `ops-test-${randomUUID()}`;
      await boss.createQueue(queue);
      await boss.createQueue(QUEUES.dead);
      const empty = await (await scrape(`Bearer ${TOKEN}`)).text();
      expect(sample(empty, `triad_job_queue_depth{queue="${queue}"}`)).toBe(0);
      const before = sample(
        await (await scrape(`Bearer ${TOKEN}`)).text(),
        'triad_job_dead_letters',
      )!;
      await boss.send(queue, {});
      await boss.send(queue, {});
      await boss.send(QUEUES.dead, {});
      const text = await (await scrape(`Bearer ${TOKEN}`)).text();
      expect(sample(text, `triad_job_queue_depth{queue="${queue}"}`)).toBe(2);
      expect(sample(text, 'triad_job_dead_letters')).toBeGreaterThanOrEqual(before + 1);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it('measures the audit seal lag: the age of the oldest unsealed event, back near 0 once sealed', async () => {
    await db.auditEvent.create({
      data: {
        action: 'read',
        resourceType: 'test',
        outcome: 'ALLOWED',
        occurredAt: new Date(Date.now() - 120_000),
      },
    });
    const lagging = sample(
      await (await scrape(`Bearer ${TOKEN}`)).text(),
      'triad_audit_seal_lag_seconds',
    );
    expect(lagging).toBeGreaterThanOrEqual(119);
    await sealUpToNow(db);
    const sealed = sample(
      await (await scrape(`Bearer ${TOKEN}`)).text(),
      'triad_audit_seal_lag_seconds',
    );
    expect(sealed).toBeLessThan(60);
  });
});

describe('the log capture of the suite-wide PHI check', () => {
  it('copies every line to the worker’s log file, sensitive keys redacted', () => {
    const marker = randomUUID();
    log.info('operations test line', { marker, name: 'Rosalind Quiet-Patient' });
    const lines = readFileSync(process.env.TRIAD_LOG_FILE!, 'utf8').split('\n').filter(Boolean);
    const line = lines.find((l) => l.includes(marker));
    expect(JSON.parse(line!)).toMatchObject({ msg: 'operations test line', name: '[Redacted]' });
    expect(line).not.toContain('Rosalind');
  });
});

afterAll(() => {
  delete process.env.METRICS_TOKEN;
});
