import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import type { AuditAction, AuditResource } from '@/lib/audit-vocabulary';
import { recordAccess, recordListAccess } from '@/lib/data/audit';
import type { AccessLogEntry, AccessLogVisit } from '@/lib/schemas/access-log';
import { createCareTeam, createPatient, createUser, viewerFor } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const VISITS = '/api/v1/patients/{patientId}/access-log/visits';
const FLAT = '/api/v1/patients/{patientId}/access-log';
const T0 = new Date('2026-03-02T14:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function clinic() {
  const team = await createCareTeam(db, { passwordHash: null });
  const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
  return { ...team, admin };
}

const read = (
  path: string,
  patientId: string,
  cookie: string,
  query: Record<string, string> = {},
) => callApi({ method: 'GET', path, params: { patientId }, query, cookie });

/** One audited access at a given time (the audit trail stamps occurredAt with the clock). */
async function at(
  when: Date,
  viewer: Viewer,
  action: AuditAction,
  resourceType: AuditResource,
  options: { patientId: string; outcome?: 'ALLOWED' | 'DENIED' },
) {
  vi.setSystemTime(when);
  await db.$transaction((tx) => recordAccess(tx, viewer, action, resourceType, options));
}

/** Every page of a log, followed to its end. */
async function walk<T>(path: string, patientId: string, cookie: string, query = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await read(path, patientId, cookie, { ...query, ...(cursor ? { cursor } : {}) });
    expect(page.status).toBe(200);
    items.push(...(page.body.items as T[]));
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

afterEach(() => {
  vi.useRealTimers();
});

/** Two clinicians' sittings, a poll, a list view, a change, a refusal and the patient's own look. */
async function morning() {
  const c = await clinic();
  const other = await createPatient(db, c.organization, { passwordHash: null });
  vi.useFakeTimers({ toFake: ['Date'] });
  const rx = viewerFor(c.prescriber);
  const tx = viewerFor(c.therapist);
  const about = { patientId: c.patient.id };
  await at(minutes(0), rx, 'read', 'patient', about);
  await at(minutes(2), rx, 'read', 'medication', about);
  await at(minutes(5), tx, 'read', 'sessionNote', about);
  // A poll of the open medications page: repeats the read at minute 2, so never counted.
  await at(minutes(10), { ...rx, background: true }, 'read', 'medication', about);
  await at(minutes(29), rx, 'read', 'checkIn', about);
  await at(minutes(31), viewerFor(c.patient), 'read', 'medication', about);
  vi.setSystemTime(minutes(60));
  await db.$transaction((t) =>
    recordListAccess(t, rx, 'list', 'caseload', [c.patient.id, other.id]),
  );
  await at(minutes(61), rx, 'create', 'medicationChange', about);
  await at(minutes(70), tx, 'read', 'accessLog', { ...about, outcome: 'DENIED' });
  vi.setSystemTime(minutes(90));
  return c;
}

describe('GET /api/v1/patients/{patientId}/access-log/visits', () => {
  it('groups one person’s accesses into visits split by a 30-minute gap, in plain words', async () => {
    const c = await morning();
    const page = await read(VISITS, c.patient.id, await sessionCookie(c.patient));
    expect(page.status).toBe(200);
    const visits: AccessLogVisit[] = page.body.items;
    expect(visits.map((v) => [v.summary, v.events.length, v.refused])).toEqual([
      [
        `${c.therapist.name}, a therapist, tried to view the list of who viewed your record and was refused.`,
        1,
        1,
      ],
      [
        `${c.prescriber.name}, your prescriber, looked at your line in their list of patients (latest check-in and PHQ-9) and recorded a change to your medications.`,
        2,
        0,
      ],
      [
        // Minute 0 to 29: each gap under 30 minutes, the poll at minute 10 left out.
        `${c.prescriber.name}, your prescriber, looked at your profile and care team, your medications, and your check-ins.`,
        3,
        0,
      ],
      [`${c.therapist.name}, your therapist, looked at your session notes.`, 1, 0],
    ]);
    expect(visits[2]).toMatchObject({
      startedAt: minutes(0).toISOString(),
      endedAt: minutes(29).toISOString(),
      byPatient: false,
    });
    expect(visits[2]!.events.map((e) => e.did)).toEqual([
      'viewed your check-ins',
      'viewed your medications',
      'viewed your profile and care team',
    ]);
    // The patient's own look at minute 31 is theirs: not a visit to them.
    expect(page.text).not.toMatch(/"You"/);
    expect(page.body.people.map((p: { who: string }) => p.who).sort()).toEqual(
      [c.prescriber.name, c.therapist.name].sort(),
    );
  });

  it('counts a page left open as one sitting: its polls bridge the gaps, shown only when new', async () => {
    const c = await clinic();
    vi.useFakeTimers({ toFake: ['Date'] });
    const rx = viewerFor(c.prescriber);
    const about = { patientId: c.patient.id };
    await at(minutes(0), rx, 'read', 'checkIn', about);
    // Polls every 10 minutes: those within 30 minutes of the read repeat it and are never shown.
    for (const m of [10, 20, 30, 40, 50]) {
      await at(minutes(m), { ...rx, background: true }, 'read', 'checkIn', about);
    }
    vi.setSystemTime(minutes(120));
    const page = await read(VISITS, c.patient.id, await sessionCookie(c.patient));
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({
      summary: `${c.prescriber.name}, your prescriber, looked at your check-ins.`,
      startedAt: minutes(0).toISOString(),
      endedAt: minutes(50).toISOString(),
    });
    expect(page.body.items[0].events).toHaveLength(3);
  });

  it('carries a long visit’s newest 50 accesses; the flat log by person has the rest', async () => {
    const c = await clinic();
    await db.$transaction(async (t) => {
      for (let i = 0; i < 60; i++) {
        await recordAccess(t, viewerFor(c.prescriber), 'read', 'medication', {
          patientId: c.patient.id,
        });
      }
    });
    await db.$transaction((t) =>
      recordAccess(t, viewerFor(c.therapist), 'read', 'checkIn', { patientId: c.patient.id }),
    );
    const cookie = await sessionCookie(c.patient);
    const page = await read(VISITS, c.patient.id, cookie);
    const visit: AccessLogVisit = page.body.items.find(
      (v: AccessLogVisit) => v.personId === c.prescriber.id,
    );
    expect(visit.eventCount).toBe(60);
    expect(visit.events).toHaveLength(50);
    const rest = await read(FLAT, c.patient.id, cookie, {
      person: c.prescriber.id,
      cursor: visit.events.at(-1)!.id,
      limit: '100',
    });
    expect(rest.status).toBe(200);
    expect(rest.body.nextCursor).toBeNull();
    const all = [...visit.events, ...rest.body.items].map((e: AccessLogEntry) => e.id);
    expect(new Set(all).size).toBe(60);
    expect(rest.body.items.every((e: AccessLogEntry) => e.who === c.prescriber.name)).toBe(true);
  });

  it('shows an admin the patient’s own visits too, marked byPatient', async () => {
    const c = await morning();
    const page = await read(VISITS, c.patient.id, await sessionCookie(c.admin));
    expect(page.status).toBe(200);
    const own = page.body.items.filter((v: AccessLogVisit) => v.byPatient);
    expect(own.map((v: AccessLogVisit) => v.summary)).toEqual(['You looked at your medications.']);
  });

  it('reaches every access of the flat log, less the patient’s own, by expanding every visit', async () => {
    const c = await morning();
    vi.useRealTimers();
    const cookie = await sessionCookie(c.patient);
    // A page at a time, so paging by a visit's last event is part of what is checked.
    const visits = await walk<AccessLogVisit>(VISITS, c.patient.id, cookie, { limit: '1' });
    const flat = await walk<AccessLogEntry>(FLAT, c.patient.id, cookie, { limit: '3' });
    const expanded = visits.flatMap((v) => v.events.map((e) => e.id));
    expect(new Set(expanded).size).toBe(expanded.length);
    expect(expanded.sort()).toEqual(
      flat
        .filter((e) => e.who !== 'You')
        .map((e) => e.id)
        .sort(),
    );
    expect(visits).toHaveLength(4);
  });

  it('filters by person and by period; a bad filter is a 400, never a 500', async () => {
    const c = await morning();
    vi.setSystemTime(new Date(T0.getTime() + 10 * 86_400_000));
    await at(new Date(T0.getTime() + 10 * 86_400_000), viewerFor(c.therapist), 'read', 'trends', {
      patientId: c.patient.id,
    });
    const cookie = await sessionCookie(c.patient);
    const recent = await read(VISITS, c.patient.id, cookie, { period: '7d' });
    expect(recent.body.items.map((v: AccessLogVisit) => v.did)).toEqual([
      'looked at your check-in and questionnaire trends',
    ]);
    // The period narrows the visits, never the people one may pick.
    expect(recent.body.people).toHaveLength(2);
    const all = await read(VISITS, c.patient.id, cookie, { period: 'all' });
    expect(all.body.items).toHaveLength(5);
    const rx = await read(VISITS, c.patient.id, cookie, { person: c.prescriber.id });
    expect(rx.body.items.map((v: AccessLogVisit) => v.personId)).toEqual([
      c.prescriber.id,
      c.prescriber.id,
    ]);
    const bads: Record<string, string>[] = [
      { period: 'yesterday' },
      { person: 'nobody' },
      { view: 'x' },
    ];
    for (const query of bads) {
      const bad = await read(VISITS, c.patient.id, cookie, query);
      expect(bad.status).toBe(400);
    }
  });

  it('is audited as a read of the log, which the patient’s next reading does not show', async () => {
    const c = await clinic();
    const cookie = await sessionCookie(c.patient);
    const first = await read(VISITS, c.patient.id, cookie);
    expect(first.body.items).toEqual([]);
    const events = await db.auditEvent.findMany({
      where: { patientId: c.patient.id, resourceType: 'accessLog' },
    });
    expect(events).toHaveLength(1);
    const second = await read(VISITS, c.patient.id, cookie);
    expect(second.body.items).toEqual([]);
    expect(second.body.people).toEqual([]);
  });

  it('answers 403 to clinicians on the team and 404 to everyone else out of scope', async () => {
    const c = await clinic();
    const elsewhere = await createCareTeam(db);
    const cases = [
      [c.prescriber, 403],
      [elsewhere.patient, 404],
      [await createUser(db, elsewhere.organization, { role: 'ADMIN' }), 404],
    ] as const;
    for (const [viewer, status] of cases) {
      expect((await read(VISITS, c.patient.id, await sessionCookie(viewer))).status).toBe(status);
    }
  });
});
