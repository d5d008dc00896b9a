// A database that hangs fails requests fast: the app's pool reaches the test database through a
// proxy the test freezes (nothing forwarded, as a PostgreSQL under SIGSTOP), with the default
// timeouts of lib/db.ts. docs/decisions/016-start-up-durability-timeouts.md
import type { NextRequest as NextRequestType } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFreezableProxy } from '@/tests/support/freezable-proxy';

const realUrl = new URL(process.env.DATABASE_URL!);
const proxy = await startFreezableProxy({
  host: realUrl.hostname,
  port: Number(realUrl.port || 5432),
});
const proxiedUrl = new URL(realUrl);
proxiedUrl.port = String(proxy.port);
// Before lib/env and lib/db are first imported (by the imports below), in this file's modules.
process.env.DATABASE_URL = proxiedUrl.toString();
delete process.env.DB_CONNECT_TIMEOUT_MS;
delete process.env.DB_STATEMENT_TIMEOUT_MS;
// lib/db keeps its pool on globalThis outside production: this file needs its own.
const cache = globalThis as { triadPool?: unknown; triadDb?: unknown };
delete cache.triadPool;
delete cache.triadDb;

const { NextRequest } = await import('next/server');
const { db, pool } = await import('@/lib/db');
const { log } = await import('@/lib/log');
const { createOrganization, createUser } = await import('@/tests/factories');
const { sessionCookie, loadRoute } = await import('@/tests/support/api');

type Route = (request: NextRequestType, ctx: { params: Promise<object> }) => Promise<Response>;
const me = (await loadRoute('/api/v1/me')).GET as Route;
let cookie: string;

function get(signal?: AbortSignal): Promise<Response> {
  const request = new NextRequest('http://localhost:3000/api/v1/me', {
    headers: { cookie },
    signal,
  });
  return me(request, { params: Promise.resolve({}) });
}

beforeAll(async () => {
  const user = await createUser(db, await createOrganization(db), { role: 'THERAPIST' });
  cookie = await sessionCookie(user);
});

afterEach(() => {
  proxy.thaw();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
  delete cache.triadPool;
  delete cache.triadDb;
  await proxy.close();
});

describe('a frozen database', () => {
  it('answers 503 with Retry-After within 10 s, logs one line, and recovers after', async () => {
    expect((await get()).status).toBe(200);
    const errors = vi.spyOn(log, 'error');
    const warnings = vi.spyOn(log, 'warn').mockImplementation(() => {});

    proxy.freeze();
    const started = performance.now();
    // More requests than the one pooled connection that is open, so some wait for new ones.
    const responses = await Promise.all([get(), get(), get()]);
    const elapsed = performance.now() - started;

    expect(elapsed).toBeLessThan(10_000);
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(10);
      const body = await response.json();
      expect(body).toMatchObject({ status: 503, requestId: expect.any(String) });
    }
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).toHaveBeenCalledTimes(3);
    for (const [message, details] of warnings.mock.calls) {
      expect(message).toBe('database unavailable');
      expect(details).toEqual({ requestId: expect.any(String), cause: expect.any(String) });
      expect(details!.cause).not.toContain('\n');
    }

    proxy.thaw();
    let status = 0;
    const deadline = Date.now() + 20_000;
    while (status !== 200 && Date.now() < deadline) {
      status = (await get()).status;
    }
    expect(status).toBe(200);
  }, 60_000);

  it('logs nothing when the client disconnects while the request waits', async () => {
    expect((await get()).status).toBe(200);
    const errors = vi.spyOn(log, 'error');
    const warnings = vi.spyOn(log, 'warn');

    proxy.freeze();
    const controller = new AbortController();
    const pending = get(controller.signal);
    setTimeout(() => controller.abort(), 200);
    const response = await pending;

    expect(response.status).toBe(499);
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
  }, 60_000);
});
