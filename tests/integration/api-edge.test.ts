// The request as the server in front of Next hands it over (scripts/next-server.ts): origin rule,
// request ids and the client address, through the real handlers and a real database.
import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { log } from '@/lib/log';
import { EDGE_KEY_ENV, internalHeaders } from '@/lib/http/request-context';
import { createCareTeam, createUser } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';
import { GET as authGet, POST as authPost } from '@/app/api/auth/[...nextauth]/route';

const KEY = 'edge-key-for-the-api-edge-test';
const EDGE_REQUEST_ID = '5f0c7a52-5f1e-4a40-9d3e-0a8a2b9c1d11';

function fromEdge(client: { ip: string; host: string; proto?: 'http' | 'https' }) {
  return internalHeaders({ proto: 'http', ...client }, EDGE_REQUEST_ID, KEY);
}

async function clinic() {
  const team = await createCareTeam(db, { passwordHash: null });
  const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
  return { ...team, admin };
}

/** A real save: the admin adds a clinician to a care team (201), or the refusal. */
async function save(c: Awaited<ReturnType<typeof clinic>>, headers: Record<string, string>) {
  const clinician = await createUser(db, c.organization, { role: 'THERAPIST', passwordHash: null });
  return callApi({
    method: 'POST',
    path: '/api/v1/patients/{patientId}/care-team',
    params: { patientId: c.patient.id },
    body: { clinicianId: clinician.id },
    cookie: await sessionCookie(c.admin),
    headers,
  });
}

beforeEach(() => {
  process.env[EDGE_KEY_ENV] = KEY;
});
afterEach(() => {
  delete process.env[EDGE_KEY_ENV];
  delete process.env.ALLOWED_ORIGINS;
});

describe('the origin of a save', () => {
  it('is accepted at whatever address the app was opened: localhost, 127.0.0.1, a LAN address', async () => {
    const c = await clinic();
    for (const host of ['localhost:3000', '127.0.0.1:3000', '192.168.1.20:3000', '[::1]:3000']) {
      const result = await save(c, {
        origin: `http://${host}`,
        ...fromEdge({ ip: '192.0.2.1', host }),
      });
      expect(result.status, host).toBe(201);
    }
  });

  it('is the forwarded scheme and host behind a trusted proxy', async () => {
    const c = await clinic();
    const headers = fromEdge({ ip: '192.0.2.1', host: 'triad.example', proto: 'https' });
    expect((await save(c, { origin: 'https://triad.example', ...headers })).status).toBe(201);
    expect((await save(c, { origin: 'http://triad.example', ...headers })).status).toBe(403);
  });

  it('refuses another site with a message saying which origin and what to do, changing nothing', async () => {
    const c = await clinic();
    const before = await db.careTeamMembership.count({ where: { patientId: c.patient.id } });
    const result = await save(c, {
      origin: 'https://evil.example',
      ...fromEdge({ ip: '192.0.2.1', host: '127.0.0.1:3000' }),
    });
    expect(result.status).toBe(403);
    expect(result.body.detail).toContain('"https://evil.example"');
    expect(result.body.detail).toContain('http://127.0.0.1:3000');
    expect(result.body.detail).toContain('ALLOWED_ORIGINS');
    expect(result.body.requestId).toBe(EDGE_REQUEST_ID);
    expect(await db.careTeamMembership.count({ where: { patientId: c.patient.id } })).toBe(before);
  });

  it('accepts an origin listed in ALLOWED_ORIGINS', async () => {
    const c = await clinic();
    process.env.ALLOWED_ORIGINS = 'https://portal.example, https://other.example';
    const headers = fromEdge({ ip: '192.0.2.1', host: '127.0.0.1:3000' });
    expect((await save(c, { origin: 'https://other.example', ...headers })).status).toBe(201);
  });

  it('believes no X-Forwarded-Host from a client when no proxy is trusted', async () => {
    const c = await clinic();
    // The server in front removed the client's copy; the Host is what the browser really used.
    const result = await save(c, {
      origin: 'https://evil.example',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      ...fromEdge({ ip: '192.0.2.1', host: '127.0.0.1:3000' }),
    });
    expect(result.status).toBe(403);
  });
});

describe('request ids and the client address in the audit trail', () => {
  it('records the server’s request id and address; the client’s id only as clientRequestId', async () => {
    const c = await clinic();
    const result = await callApi({
      method: 'GET',
      path: '/api/v1/patients/{patientId}',
      params: { patientId: c.patient.id },
      cookie: await sessionCookie(c.prescriber),
      headers: {
        'x-request-id': 'mine-1\u001b[31m\u0007',
        'x-forwarded-for': '203.0.113.66',
        'x-real-ip': '203.0.113.67',
        ...fromEdge({ ip: '192.0.2.44', host: 'localhost:3000' }),
      },
    });
    expect(result.status).toBe(200);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: c.prescriber.id, patientId: c.patient.id },
      orderBy: { seq: 'desc' },
    });
    expect(event).toMatchObject({
      requestId: EDGE_REQUEST_ID,
      clientRequestId: 'mine-1[31m',
      ip: '192.0.2.44',
    });
  });

  it('answers a problem with the server’s request id, never the client’s', async () => {
    const c = await clinic();
    const result = await callApi({
      method: 'GET',
      path: '/api/v1/patients/{patientId}',
      params: { patientId: '00000000-0000-4000-8000-000000000000' },
      cookie: await sessionCookie(c.prescriber),
      headers: { 'x-request-id': 'chosen-by-client' },
    });
    expect(result.status).toBe(404);
    expect(result.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.body.requestId).not.toBe('chosen-by-client');
  });

  it('records no address at all for a request that did not come through the server in front', async () => {
    const c = await clinic();
    delete process.env[EDGE_KEY_ENV];
    await callApi({
      method: 'GET',
      path: '/api/v1/patients/{patientId}',
      params: { patientId: c.patient.id },
      cookie: await sessionCookie(c.prescriber),
      headers: { 'x-forwarded-for': '203.0.113.66', 'x-real-ip': '203.0.113.67' },
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: c.prescriber.id, patientId: c.patient.id },
      orderBy: { seq: 'desc' },
    });
    expect(event.ip).toBeNull();
  });
});

describe('/api/auth/_log', () => {
  it('is off: 404, and nothing reaches the server log', async () => {
    const written = vi.spyOn(log, 'error').mockImplementation(() => {});
    const warned = vi.spyOn(log, 'warn').mockImplementation(() => {});
    const body = new URLSearchParams({ level: 'error', code: 'FORGED\n[triad] error: all fine' });
    for (const handler of [authPost, authGet]) {
      const response = await handler(
        new NextRequest('http://localhost:3000/api/auth/_log', {
          method: handler === authPost ? 'POST' : 'GET',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: handler === authPost ? body : undefined,
        }),
        { params: Promise.resolve({ nextauth: ['_log'] }) },
      );
      expect(response.status).toBe(404);
    }
    expect(written).not.toHaveBeenCalled();
    expect(warned).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
