import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import {
  accessInWords,
  AUDIT_RESOURCE_TYPES,
  PSYCHOTHERAPY_NOTE_RESOURCE,
} from '@/lib/audit-vocabulary';
import { recordAccess } from '@/lib/data/audit';
import { toIsoDate } from '@/lib/format';
import { createCareTeam, createSessionNote, createUser, viewerFor } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

async function clinic() {
  const team = await createCareTeam(db, { passwordHash: null });
  const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
  return { ...team, admin };
}

type Entry = {
  id: string;
  who: string;
  role: string | null;
  did: string;
  summary: string;
  outcome: string;
};

/** The words of a page, its JSON field names and ids aside. */
const wordsOf = (page: { items: Entry[] }) =>
  page.items.flatMap((e) => [e.who, e.role ?? '', e.did, e.summary, e.outcome]).join('\n');

// Internal names: camelCase words or the audit trail's ALLOWED/DENIED/FAILED.
const INTERNAL = /\b[a-z]+[A-Z]\w*|\b(ALLOWED|DENIED|FAILED|PRESCRIBER|THERAPIST|PATIENT|ADMIN)\b/;

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
      result.body.items.map(
        ({ id: _, occurredAt: __, ...words }: Entry & { occurredAt: string }) => words,
      ),
    ).toEqual([
      {
        who: 'You',
        role: null,
        did: 'viewed your profile and care team',
        summary: 'You viewed your profile and care team.',
        outcome: 'went through',
      },
      {
        who: c.therapist.name,
        role: 'a therapist',
        did: 'tried to view the list of who viewed your record and was refused',
        summary: `${c.therapist.name}, a therapist, tried to view the list of who viewed your record and was refused.`,
        outcome: 'refused',
      },
      {
        who: c.prescriber.name,
        role: 'your prescriber',
        did: 'viewed your profile and care team',
        summary: `${c.prescriber.name}, your prescriber, viewed your profile and care team.`,
        outcome: 'went through',
      },
    ]);
    expect(wordsOf(result.body)).not.toMatch(INTERNAL);
  });

  it('says a clinician read the care-team thread as such, not as "your record"', async () => {
    const c = await clinic();
    const thread = await callApi({
      method: 'GET',
      path: '/api/v1/patients/{patientId}/messages',
      params: { patientId: c.patient.id },
      cookie: await sessionCookie(c.prescriber),
    });
    expect(thread.status).toBe(200);
    const log = await accessLog(c.patient.id, await sessionCookie(c.patient));
    expect(log.body.items.map((e: Entry) => e.summary)).toEqual([
      `${c.prescriber.name}, your prescriber, viewed your care team’s messages about you.`,
    ]);
  });

  it('never reveals that a note was withheld from the patient; the admin’s audit trail keeps it', async () => {
    const c = await clinic();
    const note = await createSessionNote(db, c.patient, c.therapist, {
      status: 'SIGNED',
      sessionDate: new Date(`${toIsoDate(new Date())}T00:00:00Z`),
    });
    const withheld = await callApi({
      method: 'POST',
      path: '/api/v1/patients/{patientId}/session-notes/{noteId}/withhold',
      params: { patientId: c.patient.id, noteId: note.id },
      body: { reason: 'Could be harmful to read before we talk.' },
      cookie: await sessionCookie(c.therapist),
    });
    expect(withheld.status).toBe(200);
    // The therapist reads it again afterwards, as a clinician may.
    const read = await callApi({
      method: 'GET',
      path: '/api/v1/patients/{patientId}/session-notes/{noteId}',
      params: { patientId: c.patient.id, noteId: note.id },
      cookie: await sessionCookie(c.therapist),
    });
    expect(read.status).toBe(200);

    for (const viewer of [c.patient, c.admin]) {
      const log = await accessLog(c.patient.id, await sessionCookie(viewer), { limit: '100' });
      expect(log.status).toBe(200);
      expect(log.body.items.map((e: Entry) => e.summary)).toContain(
        `${c.therapist.name}, your therapist, viewed your session notes.`,
      );
      expect(log.body.items.map((e: Entry) => e.summary)).not.toContain(
        `${c.therapist.name}, your therapist, changed your session notes.`,
      );
      expect(log.text).not.toMatch(/withh|harmful|hidden/i);
      expect(wordsOf(log.body)).not.toMatch(INTERNAL);
    }
    const audit = await callApi({
      method: 'GET',
      path: '/api/v1/audit-events',
      query: { patientId: c.patient.id, limit: '100' },
      cookie: await sessionCookie(c.admin),
    });
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: 'withhold',
        resourceType: 'sessionNote',
        resourceId: note.id,
      }),
    );
  });

  it('has plain words, its own, for every resource type lib/data records', async () => {
    const c = await clinic();
    const shown = AUDIT_RESOURCE_TYPES.filter((type) => type !== PSYCHOTHERAPY_NOTE_RESOURCE);
    await db.$transaction(async (tx) => {
      for (const resourceType of shown) {
        await recordAccess(tx, viewerFor(c.prescriber), 'read', resourceType, {
          patientId: c.patient.id,
        });
      }
    });
    const log = await accessLog(c.patient.id, await sessionCookie(c.patient), { limit: '100' });
    const summaries: string[] = log.body.items.map((e: Entry) => e.summary);
    expect(summaries).toHaveLength(shown.length);
    expect(new Set(summaries).size).toBe(shown.length);
    for (const summary of summaries) {
      expect(summary).toMatch(new RegExp(`^${c.prescriber.name}, your prescriber, viewed .+\\.$`));
      expect(summary).not.toBe(`${c.prescriber.name}, your prescriber, viewed your record.`);
    }
    expect(wordsOf(log.body)).not.toMatch(INTERNAL);
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
      expect(log.body.items.map((e: Entry) => e.summary)).toContain(
        `${c.therapist.name}, your therapist, viewed your session notes.`,
      );
      expect(log.text).not.toMatch(/psychotherapy/i);
      // Nor do the visits (one person, one sitting) made of the same events.
      const visits = await callApi({
        method: 'GET',
        path: '/api/v1/patients/{patientId}/access-log/visits',
        params: { patientId: c.patient.id },
        cookie: await sessionCookie(viewer),
      });
      expect(visits.body.items.map((v: Entry) => v.summary)).toContain(
        `${c.therapist.name}, your therapist, looked at your session notes.`,
      );
      expect(visits.text).not.toMatch(/psychotherapy/i);
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
      'You viewed the list of who viewed your record.',
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

describe('accessInWords', () => {
  const facts = {
    actorName: 'Elena Rivera',
    actorRole: 'PRESCRIBER',
    isSelf: false,
    outcome: 'ALLOWED',
  } as const;
  it.each([
    ['read', 'medication', 'ALLOWED', 'Elena Rivera, your prescriber, viewed your medications.'],
    [
      'read',
      'patient',
      'DENIED',
      'Elena Rivera, a prescriber, tried to view your profile and care team and was refused.',
    ],
    [
      'create',
      'medicationChange',
      'ALLOWED',
      'Elena Rivera, your prescriber, recorded a change to your medications.',
    ],
    [
      'create',
      'checkIn',
      'FAILED',
      'Elena Rivera, a prescriber, tried to change your check-ins, but it did not go through.',
    ],
    [
      'create',
      'careTeamMessage',
      'ALLOWED',
      'Elena Rivera, your prescriber, wrote to your care team about you.',
    ],
    ['read', 'somethingOld', 'ALLOWED', 'Elena Rivera, your prescriber, viewed your record.'],
  ] as const)('%s %s %s: %s', (action, resourceType, outcome, summary) => {
    expect(accessInWords({ ...facts, action, resourceType, outcome }).summary).toBe(summary);
  });

  it('speaks to the patient about their own refusals as "you were"', () => {
    const words = accessInWords({
      ...facts,
      isSelf: true,
      action: 'read',
      resourceType: 'accessLog',
      outcome: 'DENIED',
    });
    expect(words.summary).toBe(
      'You tried to view the list of who viewed your record and were refused.',
    );
  });
});
