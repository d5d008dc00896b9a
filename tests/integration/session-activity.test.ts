import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditHash } from '@/lib/audit-chain';
import { ACTIVITY_HEADER, sessionCookieName } from '@/lib/auth/session-policy';
import { db } from '@/lib/db';
import { createCareTeam, createUser } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';
import { accessLogOf } from '@/tests/support/access-log';
import { proxy } from '@/proxy';

const BACKGROUND = { [ACTIVITY_HEADER]: 'background' };
const MESSAGES = '/api/v1/patients/{patientId}/messages';

async function clinic() {
  const team = await createCareTeam(db, { passwordHash: null });
  const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
  return { ...team, admin };
}

type Team = Awaited<ReturnType<typeof clinic>>;

async function readMessages(team: Team, cookie: string, background = false) {
  const result = await callApi({
    method: 'GET',
    path: MESSAGES,
    params: { patientId: team.patient.id },
    cookie,
    headers: background ? BACKGROUND : {},
  });
  expect(result.status).toBe(200);
}

/** The lines of the patient's "who viewed my record", as the patient reads them in the API. */
async function patientLog(team: Team): Promise<{ actorName: string; summary: string }[]> {
  // `who` names the person; the summary is the whole sentence, for the test's messages.
  return (await accessLogOf(team.patient)).map((e) => ({
    actorName: e.who,
    summary: e.summary,
  }));
}

/** The lines of the patient's log that name the therapist. */
async function therapistLines(team: Team) {
  return (await patientLog(team)).filter((e) => e.actorName === team.therapist.name);
}

/** The clinicians' events about the patient, as the organization's audit trail keeps them. */
function trail(team: Team) {
  return db.auditEvent.findMany({
    where: { patientId: team.patient.id, actorId: { not: team.patient.account.id } },
    orderBy: { seq: 'asc' },
    select: { id: true, actorId: true, action: true, background: true, repeatOfId: true },
  });
}

describe('background reads (polls and refetches) in the audit trail and the patient’s log', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are audited, and left out of the patient’s log when they repeat a foreground read', async () => {
    const team = await clinic();
    const therapist = await sessionCookie(team.therapist);
    await readMessages(team, therapist);
    await readMessages(team, therapist, true);
    await readMessages(team, therapist, true);

    const events = await trail(team);
    expect(events).toHaveLength(3);
    const [first, ...polls] = events;
    expect(first).toMatchObject({ background: false, repeatOfId: null });
    for (const poll of polls)
      expect(poll).toMatchObject({ background: true, repeatOfId: first!.id });

    const log = await therapistLines(team);
    expect(log).toHaveLength(1);
    expect(log[0]!.summary).toMatch(/viewed/);

    // The admin's audit trail keeps all three, marked.
    const admin = await callApi({
      method: 'GET',
      path: '/api/v1/audit-events',
      query: { patientId: team.patient.id, actorId: team.therapist.id },
      cookie: await sessionCookie(team.admin),
    });
    expect(admin.status).toBe(200);
    expect(
      admin.body.items.map((e: { background: boolean; repeatOfId: string | null }) => [
        e.background,
        e.repeatOfId,
      ]),
    ).toEqual([
      [true, first!.id],
      [true, first!.id],
      [false, null],
    ]);
  });

  it('show in the patient’s log when there was no foreground read to repeat', async () => {
    const team = await clinic();
    await readMessages(team, await sessionCookie(team.therapist), true);

    const [event] = await trail(team);
    expect(event).toMatchObject({ background: true, repeatOfId: null });
    const log = await therapistLines(team);
    expect(log).toHaveLength(1);
    expect(log[0]!.summary).toMatch(/viewed/);
  });

  it('show when only someone else read in the foreground', async () => {
    const team = await clinic();
    await readMessages(team, await sessionCookie(team.prescriber));
    await readMessages(team, await sessionCookie(team.therapist), true);

    const log = await patientLog(team);
    expect(log.filter((e) => e.actorName === team.therapist.name)).toHaveLength(1);
    expect(log.filter((e) => e.actorName === team.prescriber.name)).toHaveLength(1);
  });

  it('show when the foreground read is more than 30 minutes old', async () => {
    const team = await clinic();
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date();
    vi.setSystemTime(start);
    await readMessages(team, await sessionCookie(team.therapist));
    vi.setSystemTime(new Date(start.getTime() + 31 * 60 * 1000));
    await readMessages(team, await sessionCookie(team.therapist), true);

    const events = await trail(team);
    expect(events.map((e) => [e.background, e.repeatOfId])).toEqual([
      [false, null],
      [true, null],
    ]);
    expect(await therapistLines(team)).toHaveLength(2);
  });

  it('cannot hide a write: a background-marked post still shows', async () => {
    const team = await clinic();
    const therapist = await sessionCookie(team.therapist);
    await readMessages(team, therapist);
    const posted = await callApi({
      method: 'POST',
      path: MESSAGES,
      params: { patientId: team.patient.id },
      cookie: therapist,
      headers: BACKGROUND,
      body: { body: 'Hidden?' },
    });
    expect(posted.status).toBe(201);

    const events = await trail(team);
    expect(events.at(-1)).toMatchObject({ action: 'create', background: true, repeatOfId: null });
    expect(await therapistLines(team)).toHaveLength(2);
  });

  it('carry a hash that covers the background mark', async () => {
    const team = await clinic();
    const therapist = await sessionCookie(team.therapist);
    await readMessages(team, therapist);
    await readMessages(team, therapist, true);

    const events = await db.auditEvent.findMany({
      where: { organizationId: team.organization.id },
      orderBy: { seq: 'asc' },
    });
    expect(events.some((e) => e.background)).toBe(true);
    for (const event of events) expect(event.hash).toBe(auditHash(null, event));
    // The mark is covered by the hash: an event read back without it no longer matches.
    for (const event of events.filter((e) => e.background)) {
      expect(auditHash(null, { ...event, background: false })).not.toBe(event.hash);
    }
  });
});

describe('the proxy and background requests', () => {
  const now = () => Math.floor(Date.now() / 1000);
  async function cookieFor(times: { authTime: number; lastActivity: number }) {
    const token = { sub: 'someone', role: 'THERAPIST', ...times };
    const value = await encode({ token, secret: process.env.NEXTAUTH_SECRET!, maxAge: 60 * 60 });
    return `${sessionCookieName(false)}=${value}`;
  }

  it('renews the session for a person’s API request', async () => {
    const t = now();
    const response = await proxy(
      new NextRequest('http://localhost/api/v1/me', {
        headers: { cookie: await cookieFor({ authTime: t - 3600, lastActivity: t - 10 * 60 }) },
      }),
    );
    expect(response.headers.get('set-cookie')).toMatch(/next-auth\.session-token=[^;]+;/);
  });

  it.each([
    ['a background-marked API request', '/api/v1/patients/x/messages', BACKGROUND],
    ['a background-marked page request', '/caseload', BACKGROUND],
    ['a router prefetch', '/caseload', { 'Next-Router-Prefetch': '1' }],
  ])('passes %s without renewing the session', async (_name, path, headers) => {
    const t = now();
    const cookie = await cookieFor({ authTime: t - 3600, lastActivity: t - 10 * 60 });
    const response = await proxy(
      new NextRequest(`http://localhost${path}`, { headers: { ...headers, cookie } }),
    );
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('still ends an idle session on a background page request', async () => {
    const t = now();
    const response = await proxy(
      new NextRequest('http://localhost/caseload', {
        headers: {
          ...BACKGROUND,
          cookie: await cookieFor({ authTime: t - 3600, lastActivity: t - 31 * 60 }),
        },
      }),
    );
    expect(new URL(response.headers.get('location')!).pathname).toBe('/sign-in');
  });

  it('answers 401 to a background API request once the idle window has passed', async () => {
    const team = await clinic();
    const t = now();
    const result = await callApi({
      method: 'GET',
      path: MESSAGES,
      params: { patientId: team.patient.id },
      cookie: await sessionCookie(team.therapist, {
        authTime: t - 3600,
        lastActivity: t - 31 * 60,
      }),
      headers: BACKGROUND,
    });
    expect(result.status).toBe(401);
  });
});
