import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { summarizeAccess } from '@/lib/data/access-log';
import { recordAccess } from '@/lib/data/audit';
import { createCareTeam, createUser, viewerFor } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

async function clinic() {
  const team = await createCareTeam(db, { passwordHash: null });
  const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
  return { ...team, admin };
}

type Entry = { id: string; summary: string; isSelf: boolean; actorName: string | null };

const accessLog = (patientId: string, cookie: string, query: Record<string, string> = {}) =>
  callApi({
    method: 'GET',
    path: '/api/v1/patients/{patientId}/access-log',
    params: { patientId },
    query,
    cookie,
  });

const profile = (patientId: string, cookie: string) =>
  callApi({ method: 'GET', path: '/api/v1/patients/{patientId}', params: { patientId }, cookie });

describe('GET /api/v1/patients/{patientId}/access-log', () => {
  it('tells the patient in plain words who looked at what, newest first', async () => {
    const c = await clinic();
    await profile(c.patient.id, await sessionCookie(c.prescriber));
    await accessLog(c.patient.id, await sessionCookie(c.therapist)); // refused: 403
    await profile(c.patient.id, await sessionCookie(c.patient));

    const result = await accessLog(c.patient.id, await sessionCookie(c.patient));
    expect(result.status).toBe(200);
    expect(result.body.nextCursor).toBeNull();
    expect(
      result.body.items.map((e: Entry & { actorRole: string; outcome: string }) => [
        e.actorName,
        e.actorRole,
        e.isSelf,
        e.outcome,
        e.summary,
      ]),
    ).toEqual([
      [c.patient.account.name, 'PATIENT', true, 'ALLOWED', 'Viewed your profile and care team'],
      [
        c.therapist.name,
        'THERAPIST',
        false,
        'DENIED',
        'Tried to view the list of who viewed your record and was refused',
      ],
      [c.prescriber.name, 'PRESCRIBER', false, 'ALLOWED', 'Viewed your profile and care team'],
    ]);
  });

  it('never shows psychotherapy-note events, to the patient or to an admin', async () => {
    const c = await clinic();
    await db.$transaction(async (tx) => {
      for (const outcome of ['ALLOWED', 'DENIED'] as const) {
        await recordAccess(tx, viewerFor(c.therapist), 'create', 'psychotherapyNote', {
          patientId: c.patient.id,
          outcome,
        });
      }
      await recordAccess(tx, viewerFor(c.therapist), 'read', 'sessionNote', {
        patientId: c.patient.id,
      });
    });
    for (const viewer of [c.patient, c.admin]) {
      const log = await accessLog(c.patient.id, await sessionCookie(viewer), { limit: '100' });
      expect(log.body.items.map((e: { resourceType: string }) => e.resourceType)).not.toContain(
        'psychotherapyNote',
      );
      expect(log.body.items.map((e: Entry) => e.summary)).toContain('Viewed your session notes');
      expect(log.text).not.toMatch(/psychotherapy/i);
    }
    const audit = await callApi({
      method: 'GET',
      path: '/api/v1/audit-events',
      query: { patientId: c.patient.id, limit: '100' },
      cookie: await sessionCookie(c.admin),
    });
    expect(audit.status).toBe(200);
    expect(audit.body.items.length).toBeGreaterThan(0);
    expect(audit.text).not.toMatch(/psychotherapy/i);
  });

  it('pages with a cursor, and refuses a cursor that is not one of this log’s events', async () => {
    const c = await clinic();
    const prescriber = await sessionCookie(c.prescriber);
    for (let i = 0; i < 5; i++) await profile(c.patient.id, prescriber);
    const cookie = await sessionCookie(c.admin);
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; body: { items: Entry[]; nextCursor: string | null } } =
        await accessLog(c.patient.id, cookie, { limit: '2', ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    // Five reads by the prescriber, then one event per page read by the admin before the last.
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBeGreaterThanOrEqual(3);

    const someoneElse = await createCareTeam(db, { organization: c.organization });
    await profile(someoneElse.patient.id, await sessionCookie(someoneElse.prescriber));
    const foreign = await db.auditEvent.findFirstOrThrow({
      where: { patientId: someoneElse.patient.id },
    });
    const refused = await accessLog(c.patient.id, cookie, { cursor: foreign.id });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'cursor', message: expect.any(String) }]);
  });

  it('records each reading of the log, which the next reading then shows', async () => {
    const c = await clinic();
    const cookie = await sessionCookie(c.patient);
    const first = await accessLog(c.patient.id, cookie);
    expect(first.body.items).toEqual([]);
    const second = await accessLog(c.patient.id, cookie);
    expect(second.body.items.map((e: Entry) => e.summary)).toEqual([
      'Viewed the list of who viewed your record',
    ]);
  });

  it('answers 403 to clinicians on the team and 404 to everyone else out of scope', async () => {
    const c = await clinic();
    const elsewhere = await createCareTeam(db);
    const cases = [
      [c.prescriber, 403],
      [c.therapist, 403],
      [elsewhere.patient, 404],
      [await createUser(db, elsewhere.organization, { role: 'ADMIN' }), 404],
    ] as const;
    for (const [viewer, status] of cases) {
      const result = await accessLog(c.patient.id, await sessionCookie(viewer));
      expect(result.status).toBe(status);
    }
  });
});

describe('summarizeAccess', () => {
  it.each([
    ['read', 'medication', 'ALLOWED', 'Viewed your medications'],
    ['read', 'patient', 'DENIED', 'Tried to view your profile and care team and was refused'],
    ['create', 'medicationChange', 'ALLOWED', 'Recorded a change to your medications'],
    ['create', 'checkIn', 'FAILED', 'Tried to change your check-ins, but it did not go through'],
    ['create', 'careTeam', 'ALLOWED', 'Added a clinician to your care team'],
    ['read', 'somethingNew', 'ALLOWED', 'Viewed your record'],
  ] as const)('%s %s %s: %s', (action, resourceType, outcome, summary) => {
    expect(summarizeAccess(action, resourceType, outcome)).toBe(summary);
  });
});
