import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { log } from '@/lib/log';
import { handle, ok } from '@/lib/api/handler';
import { createOrganization, createUser } from '@/tests/factories';
import { sessionCookie } from '@/tests/support/api';

async function signedInRequest(init: { method?: string; headers?: Record<string, string> } = {}) {
  const user = await createUser(db, await createOrganization(db), { role: 'THERAPIST' });
  return new NextRequest('http://localhost/api/v1/anything', {
    method: init.method ?? 'GET',
    headers: { cookie: await sessionCookie(user), ...init.headers },
  });
}

const noParams = { params: Promise.resolve({}) };

describe('handle()', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers an unexpected failure with a bare 500 problem: no stack, no SQL, a request id', async () => {
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
    const route = handle(async () => {
      throw new Error(
        'Invalid `prisma.patient.findMany()`: SELECT "Patient"."id" FROM "Patient" failed',
      );
    });
    const response = await route(await signedInRequest(), noParams);
    const body = await response.json();
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(JSON.stringify(body)).not.toMatch(/prisma|SELECT|Patient|at \w+ \(/);
    expect(body).toMatchObject({ status: 500, requestId: expect.any(String) });
    // The details go to the server log, under the same request id.
    expect(logged.mock.calls[0]?.[1]).toMatchObject({ requestId: body.requestId });
  });

  it('refuses a mutation from another site before running the handler', async () => {
    const handler = vi.fn(async () => ok({}));
    const response = await handle(handler)(
      await signedInRequest({ method: 'POST', headers: { origin: 'https://evil.example' } }),
      noParams,
    );
    expect(response.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 401 without a session, and marks every answer no-store', async () => {
    const handler = vi.fn(async () => ok({ fine: true }));
    const route = handle(handler);
    const anonymous = await route(new NextRequest('http://localhost/api/v1/anything'), noParams);
    expect(anonymous.status).toBe(401);
    expect(handler).not.toHaveBeenCalled();
    const signedIn = await route(await signedInRequest(), noParams);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
  });
});
