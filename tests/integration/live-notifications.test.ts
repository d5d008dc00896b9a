// The live header badge end to end through the real handlers: own counts, news within seconds of
// a commit, a clean unsubscribe when the client leaves, no audit event, no renewed session.
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db';
import { epochSeconds, sessionCookieName } from '@/lib/auth/session-policy';
import { liveHub, liveListener, stopLive } from '@/lib/live';
import { createCareTeam, createUser } from '@/tests/factories';
import { callApi, loadRoute, sessionCookie } from '@/tests/support/api';
import { readEvents, until } from '@/tests/support/live';
import { proxy } from '@/proxy';

const COUNTS = '/api/v1/notifications/counts';
const STREAM = '/api/v1/notifications/stream';
const ASSESSMENTS = '/api/v1/patients/{patientId}/assessments';
/** PHQ-9 with item 9 ("thoughts that you would be better off dead…") answered 1: an urgent flag. */
const ITEM9 = { instrument: 'PHQ9', answers: [1, 1, 1, 0, 0, 0, 0, 0, 1] };

afterAll(async () => {
  await stopLive();
});

async function clinic() {
  const team = await createCareTeam(db, { passwordHash: null });
  const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
  return { ...team, admin };
}

/** Opens the stream as the handler serves it, with an abort signal standing for the client. */
async function openStream(cookie: string) {
  const client = new AbortController();
  const route = await loadRoute(STREAM);
  const handler = route.GET as (
    r: NextRequest,
    c: { params: Promise<object> },
  ) => Promise<Response>;
  const response = await handler(
    new NextRequest(`http://localhost:3000${STREAM}`, {
      headers: { cookie },
      signal: client.signal,
    }),
    { params: Promise.resolve({}) },
  );
  return { response, client };
}

describe('GET /api/v1/notifications/counts and /stream', () => {
  it('answer each person their own counts, and the stream brings an urgent item within seconds', async () => {
    const team = await clinic();
    const therapist = await sessionCookie(team.therapist);
    const patient = await sessionCookie(team.patient);
    const { response, client } = await openStream(therapist);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const stream = readEvents(response);
    await until(() => stream.events.length === 1, 5_000, 'the first counts');
    expect(stream.events[0]).toMatchObject({ event: 'counts', data: { unread: 0, urgent: 0 } });
    const subscribed = liveHub().size;

    const submitted = Date.now();
    const assessment = await callApi({
      method: 'POST',
      path: ASSESSMENTS,
      params: { patientId: team.patient.id },
      cookie: patient,
      body: ITEM9,
    });
    expect(assessment.status).toBe(201);
    await until(
      () => stream.events.some((e) => (e.data as { urgent: number }).urgent === 1),
      10_000,
      'the urgent item on the stream',
    );
    const arrived = stream.events.find((e) => (e.data as { urgent: number }).urgent === 1)!;
    expect(arrived.data).toEqual({ unread: 1, urgent: 1 });
    // Through LISTEN on PostgreSQL; the embedded server cannot deliver it, and is polled.
    expect(liveListener()?.mode).toBe(inject('embeddedDatabase') ? 'poll' : 'listen');
    expect(arrived.at - submitted).toBeLessThan(10_000);

    // Everyone reads their own: the prescriber on the team too, the patient and the admin nothing.
    const countsOf = async (cookie: string) =>
      (await callApi({ method: 'GET', path: COUNTS, cookie })).body;
    expect(await countsOf(therapist)).toEqual({ unread: 1, urgent: 1 });
    expect(await countsOf(await sessionCookie(team.prescriber))).toEqual({ unread: 1, urgent: 1 });
    expect(await countsOf(patient)).toEqual({ unread: 0, urgent: 0 });
    expect(await countsOf(await sessionCookie(team.admin))).toEqual({ unread: 0, urgent: 0 });

    // The client leaves: the stream ends and its subscription is gone.
    client.abort();
    await until(() => stream.ended, 5_000, 'the stream to end');
    expect(liveHub().size).toBe(subscribed - 1);
  });

  it('write no audit event, for any reader', async () => {
    const team = await clinic();
    await callApi({
      method: 'POST',
      path: ASSESSMENTS,
      params: { patientId: team.patient.id },
      cookie: await sessionCookie(team.patient),
      body: ITEM9,
    });
    const readers = [team.therapist, team.prescriber, team.patient.account, team.admin];
    const audited = () =>
      db.auditEvent.count({
        where: {
          OR: [{ actorId: { in: readers.map((r) => r.id) } }, { patientId: team.patient.id }],
        },
      });
    const before = await audited();
    for (const reader of [team.therapist, team.prescriber, team.patient, team.admin]) {
      const cookie = await sessionCookie(reader);
      expect((await callApi({ method: 'GET', path: COUNTS, cookie })).status).toBe(200);
      expect((await callApi({ method: 'GET', path: STREAM, cookie })).status).toBe(200);
    }
    expect(await audited()).toBe(before);
  });
});

describe('the idle session', () => {
  const now = () => epochSeconds(new Date());
  async function cookieFor(
    user: { id: string },
    times: { authTime: number; lastActivity: number },
  ) {
    const token = { sub: user.id, role: 'THERAPIST', sessionVersion: 0, ...times };
    const value = await encode({ token, secret: process.env.NEXTAUTH_SECRET!, maxAge: 1800 });
    return `${sessionCookieName(false)}=${value}`;
  }

  it.each([COUNTS, STREAM])(
    'is not renewed by %s, even without the background mark',
    async (path) => {
      const t = now();
      const cookie = await cookieFor(
        { id: 'u' },
        { authTime: t - 3600, lastActivity: t - 10 * 60 },
      );
      const response = await proxy(
        new NextRequest(`http://localhost${path}`, { headers: { cookie } }),
      );
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(response.headers.get('location')).toBeNull();
      // The same session on a person's request is renewed: the test can tell the difference.
      const person = await proxy(
        new NextRequest('http://localhost/api/v1/me', { headers: { cookie } }),
      );
      expect(person.headers.get('set-cookie')).toMatch(/next-auth\.session-token=[^;]+;/);
    },
  );

  it('is still refused once idle: counts and the stream answer 401', async () => {
    const team = await clinic();
    const t = now();
    const cookie = await sessionCookie(team.therapist, {
      authTime: t - 3600,
      lastActivity: t - 31 * 60,
    });
    for (const path of [COUNTS, STREAM]) {
      const result = await callApi({ method: 'GET', path, cookie });
      expect(result.status).toBe(401);
    }
  });
});
