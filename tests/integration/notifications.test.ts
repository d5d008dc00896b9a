// The inbox's reading side (lib/data/notifications): scope, order, read rules, preferences and the
// missed check-in sweep, against the real handlers and a real database. Items come from real
// events (a PHQ-9 through the API, notifyTx) except where a test needs one exactly as it is.
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { acknowledgeSafetyFlagTx } from '@/lib/data/safety-flags/lifecycle';
import {
  MISSED_CHECK_IN_DAYS,
  sweepMissedCheckInsTx,
} from '@/lib/data/notifications/missed-check-ins';
import { listCaseload } from '@/lib/data/caseload';
import { listNotifications } from '@/lib/data/notifications';
import {
  addToCareTeam,
  createCareTeam,
  createCheckIn,
  createInboxItem,
  createUser,
  notify,
  viewerFor,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const LIST = '/api/v1/notifications';
const READ = '/api/v1/notifications/{notificationId}/read';
const READ_ALL = '/api/v1/notifications/read-all';
const PREFERENCES = '/api/v1/me/notification-preferences';

type Item = {
  id: string;
  kind: string;
  needsAttention: boolean;
  summary: string;
  readAt: string | null;
};

const list = (cookie: string, query: Record<string, string> = {}) =>
  callApi({ method: 'GET', path: LIST, cookie, query });
const markRead = (cookie: string, notificationId: string) =>
  callApi({ method: 'POST', path: READ, params: { notificationId }, cookie });
const readAll = (cookie: string) => callApi({ method: 'POST', path: READ_ALL, cookie });

/** The patient answers a PHQ-9 through the API with item 9 at 1: an urgent flag for the team. */
async function answerItemNine(patient: { id: string }, cookie: string) {
  const answered = await callApi({
    method: 'POST',
    path: '/api/v1/patients/{patientId}/assessments',
    params: { patientId: patient.id },
    cookie,
    body: { instrument: 'PHQ9', answers: [1, 1, 1, 1, 0, 0, 0, 0, 1] },
  });
  expect(answered.status, answered.text).toBe(201);
  return db.safetyFlag.findFirstOrThrow({
    where: { patientId: patient.id, status: 'OPEN' },
    orderBy: { raisedAt: 'desc' },
  });
}

/** A care-team message item for the team (not from `actorId`), through notifyTx. */
function messageItem(patient: { id: string; organizationId: string }, summary: string) {
  return notify(
    db,
    patient,
    { careTeam: true },
    {
      kind: 'CARE_TEAM_MESSAGE',
      careTeamSummary: summary,
      careTeamLink: `/patients/${patient.id}/messages`,
    },
  );
}

describe('the inbox', () => {
  it('puts an urgent item first until its flag is acknowledged, and will not mark it read before', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const [patient, prescriber, therapist] = await Promise.all(
      [team.patient, team.prescriber, team.therapist].map((u) => sessionCookie(u)),
    );
    const flag = await answerItemNine(team.patient, patient!);
    await messageItem(team.patient, 'Newer: the therapist wrote.');

    const first = await list(prescriber!);
    expect(first.status).toBe(200);
    const items: Item[] = first.body.items;
    expect(items.map((i) => [i.kind, i.needsAttention])).toEqual([
      ['SAFETY_FLAG_RAISED', true],
      ['CARE_TEAM_MESSAGE', false],
    ]);
    expect(first.body.items[0]).toMatchObject({
      urgent: true,
      patient: { id: team.patient.id, name: team.patient.account.name },
      readAt: null,
    });
    // The patient's inbox has none of the care team's items.
    expect((await list(patient!)).body.items).toEqual([]);

    const refused = await markRead(prescriber!, items[0]!.id);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/^Acknowledge the flag first/);
    const all = await readAll(prescriber!);
    expect(all.body).toEqual({ marked: 1, needingAttention: 1 });
    expect((await list(prescriber!, { unread: 'true' })).body.items.map((i: Item) => i.id)).toEqual(
      [items[0]!.id],
    );

    // The therapist acknowledges: the prescriber's item no longer needs attention, sorts by time
    // (the message was newer), and can be read.
    await acknowledgeSafetyFlagTx(db, team.therapist, team.patient, flag.id);
    const after: Item[] = (await list(prescriber!)).body.items;
    expect(after.filter((i) => i.kind !== 'SAFETY_FLAG_ACKNOWLEDGED').map((i) => i.id)).toEqual([
      items[1]!.id,
      items[0]!.id,
    ]);
    expect(after.every((i) => !i.needsAttention)).toBe(true);
    const read = await markRead(prescriber!, items[0]!.id);
    expect(read.status).toBe(200);
    expect(read.body.notification).toMatchObject({ id: items[0]!.id, needsAttention: false });
    expect(read.body.notification.readAt).toEqual(expect.any(String));
    // Again: already read, changes nothing.
    const again = await markRead(prescriber!, items[0]!.id);
    expect(again.body.notification.readAt).toBe(read.body.notification.readAt);
    // The acknowledging therapist's own urgent item was marked read by the acknowledgement.
    const theirs: Item[] = (await list(therapist!)).body.items;
    expect(theirs.find((i) => i.kind === 'SAFETY_FLAG_RAISED')?.readAt).not.toBeNull();
  });

  it('shows each person only their own items, and none about a patient whose team they left', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const other = await createCareTeam(db, { passwordHash: null });
    await messageItem(team.patient, 'About the team’s patient.');
    const [prescriber, therapist, outsider] = await Promise.all(
      [team.prescriber, team.therapist, other.prescriber].map((u) => sessionCookie(u)),
    );
    const own: Item[] = (await list(prescriber!)).body.items;
    expect(own).toHaveLength(1);
    // Someone else's item: 404 for a teammate, for another team's clinician, for the patient.
    for (const cookie of [therapist!, outsider!, await sessionCookie(team.patient)]) {
      expect((await markRead(cookie, own[0]!.id)).status).toBe(404);
    }
    expect((await markRead(prescriber!, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await markRead(prescriber!, 'not-an-id')).status).toBe(404);

    await db.careTeamMembership.updateMany({
      where: { patientId: team.patient.id, clinicianId: team.prescriber.id },
      data: { endedAt: new Date() },
    });
    expect((await list(prescriber!)).body.items).toEqual([]);
    expect((await markRead(prescriber!, own[0]!.id)).status).toBe(404);
    expect((await readAll(prescriber!)).body).toEqual({ marked: 0, needingAttention: 0 });
    expect(await db.notification.findUniqueOrThrow({ where: { id: own[0]!.id } })).toMatchObject({
      readAt: null,
    });
    // An item about no patient stays readable.
    const general = await createInboxItem(db, team.prescriber, { patient: null });
    expect((await list(prescriber!)).body.items.map((i: Item) => i.id)).toEqual([general.id]);
  });

  it('pages through both sections with its cursor, and refuses a cursor it did not give', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const reader = team.prescriber;
    const created: string[] = [];
    for (let i = 0; i < 3; i += 1)
      created.push((await createInboxItem(db, reader, { patient: team.patient })).id);
    const flags = [];
    for (let i = 0; i < 3; i += 1) {
      const flag = await db.safetyFlag.create({
        data: {
          organizationId: team.organization.id,
          patientId: team.patient.id,
          source: 'CLINICIAN',
          urgency: 'URGENT',
          reason: `Flag ${i}`,
        },
      });
      flags.push(flag);
      const item = await createInboxItem(db, reader, {
        patient: team.patient,
        kind: 'SAFETY_FLAG_RAISED',
        urgent: true,
        safetyFlagId: flag.id,
      });
      created.push(item.id);
    }
    for (let i = 0; i < 2; i += 1)
      created.push((await createInboxItem(db, reader, { patient: team.patient })).id);
    const cookie = await sessionCookie(reader);
    // Expected: the three urgent ones newest first, then the five others newest first.
    const expected = [
      ...created.slice(3, 6).reverse(),
      ...[...created.slice(0, 3), ...created.slice(6)].reverse(),
    ];

    const seen: string[] = [];
    let cursor: string | null = null;
    const cursors: string[] = [];
    do {
      const page = await list(cookie, { limit: '2', ...(cursor ? { cursor } : {}) });
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.items.map((i: Item) => i.id));
      cursor = page.body.nextCursor;
      if (cursor) cursors.push(cursor);
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(cursors.map((c) => c.split('.')[0])).toEqual(['attention', 'rest', 'rest']);

    // A cursor that names someone else's item, or not a cursor at all: 400 on `cursor`.
    const stranger = await createInboxItem(db, team.therapist, { patient: team.patient });
    for (const bad of [`rest.${stranger.id}`, stranger.id, 'attention.nope']) {
      const refused = await list(cookie, { cursor: bad });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ path: 'cursor', message: expect.any(String) }]);
    }
    const badQuery = await list(cookie, { unread: 'yes' });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors[0].path).toBe('unread');
  });

  it('skips nothing when a flag is acknowledged between two pages', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const reader = team.prescriber;
    const older = await createInboxItem(db, reader, { patient: team.patient });
    const flag = await db.safetyFlag.create({
      data: {
        organizationId: team.organization.id,
        patientId: team.patient.id,
        source: 'CLINICIAN',
        urgency: 'URGENT',
        reason: 'By hand.',
      },
    });
    const urgent = await createInboxItem(db, reader, {
      patient: team.patient,
      kind: 'SAFETY_FLAG_RAISED',
      urgent: true,
      safetyFlagId: flag.id,
    });
    const newer = await createInboxItem(db, reader, { patient: team.patient });
    const cookie = await sessionCookie(reader);
    const first = await list(cookie, { limit: '1' });
    expect(first.body.items.map((i: Item) => i.id)).toEqual([urgent.id]);
    await acknowledgeSafetyFlagTx(db, team.therapist, team.patient, flag.id);
    const second = await list(cookie, { limit: '5', cursor: first.body.nextCursor });
    // The rest from its start: the acknowledged item shows again in time order, nothing is lost
    // (the acknowledgement's own item comes first, newest).
    expect(second.body.items.map((i: Item) => i.kind)[0]).toBe('SAFETY_FLAG_ACKNOWLEDGED');
    expect(second.body.items.slice(1).map((i: Item) => i.id)).toEqual([
      newer.id,
      urgent.id,
      older.id,
    ]);
  });

  it('records one audit event per list, about no patient', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    await messageItem(team.patient, 'One.');
    await messageItem(team.patient, 'Two.');
    const before = await db.auditEvent.count({ where: { actorId: team.prescriber.id } });
    await list(await sessionCookie(team.prescriber));
    const events = await db.auditEvent.findMany({
      where: { actorId: team.prescriber.id },
      orderBy: { seq: 'desc' },
      take: 1,
    });
    expect((await db.auditEvent.count({ where: { actorId: team.prescriber.id } })) - before).toBe(
      1,
    );
    expect(events[0]).toMatchObject({
      action: 'list',
      resourceType: 'notification',
      patientId: null,
      outcome: 'ALLOWED',
      detail: '2 items',
    });
  });
});

describe('notification preferences', () => {
  it('answers defaults, saves what it is sent, and refuses bad input with field paths, changing nothing', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const cookie = await sessionCookie(team.therapist);
    const initial = await callApi({ method: 'GET', path: PREFERENCES, cookie });
    expect(initial.body).toEqual({
      emailKinds: [],
      digestKinds: [],
      quietHours: null,
      timeZone: 'America/New_York',
    });

    const wanted = {
      emailKinds: ['SAFETY_FLAG_RAISED', 'CARE_TEAM_MESSAGE'],
      digestKinds: ['PLAN_COMMENT', 'SESSION_NOTE_SIGNED'],
      quietHours: { start: '21:30', end: '07:00' },
      timeZone: 'America/Chicago',
    };
    const saved = await callApi({ method: 'PUT', path: PREFERENCES, cookie, body: wanted });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(wanted);
    expect((await db.user.findUniqueOrThrow({ where: { id: team.therapist.id } })).timeZone).toBe(
      'America/Chicago',
    );

    const cases: [Record<string, unknown>, string][] = [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ timeZone: '' }, 'timeZone'],
      [{ quietHours: { start: '25:00', end: '07:00' } }, 'quietHours.start'],
      [{ quietHours: { start: '7:00', end: '07:00' } }, 'quietHours.start'],
      [{ quietHours: { start: '07:00', end: '07:00' } }, 'quietHours.end'],
      [{ emailKinds: ['NOT_A_KIND'] }, 'emailKinds.0'],
      [{ emailKinds: ['PLAN_VERSION', 'PLAN_VERSION'] }, 'emailKinds.1'],
      [{ digestKinds: ['PLAN_VERSION', 'PLAN_VERSION'] }, 'digestKinds.1'],
      [{ digestKinds: ['NOT_A_KIND'] }, 'digestKinds.0'],
      // A kind is emailed at once or in the daily summary, not both.
      [{ digestKinds: ['PLAN_COMMENT', 'CARE_TEAM_MESSAGE'] }, 'digestKinds.1'],
      [{ extra: true }, 'extra'],
    ];
    for (const [change, path] of cases) {
      const refused = await callApi({
        method: 'PUT',
        path: PREFERENCES,
        cookie,
        body: { ...wanted, ...change },
      });
      expect(refused.status, JSON.stringify(change)).toBe(400);
      expect(refused.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const missing = await callApi({ method: 'PUT', path: PREFERENCES, cookie, body: {} });
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'emailKinds',
      'quietHours',
      'timeZone',
    ]);
    expect((await callApi({ method: 'GET', path: PREFERENCES, cookie })).body).toEqual(wanted);

    const cleared = await callApi({
      method: 'PUT',
      path: PREFERENCES,
      cookie,
      body: { emailKinds: [], quietHours: null, timeZone: 'Europe/Paris' },
    });
    // Left out, the daily summary kinds are none (the body is the whole set).
    expect(cleared.body).toEqual({
      emailKinds: [],
      digestKinds: [],
      quietHours: null,
      timeZone: 'Europe/Paris',
    });
  });
});

const DAY = 86_400_000;
/** Noon UTC of `iso` plus `days`. */
const noonAfter = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + days * DAY);

describe('the missed check-in sweep', () => {
  it('tells the care team once per streak of 3 days without a check-in', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const offTeam = await createUser(db, team.organization, {
      role: 'THERAPIST',
      passwordHash: null,
    });
    await db.user.update({ where: { id: team.patient.userId }, data: { timeZone: 'UTC' } });
    const last = '2026-03-02';
    await createCheckIn(db, team.patient, { localDate: new Date(`${last}T00:00:00Z`) });
    const clinician = viewerFor(team.prescriber);
    const items = () =>
      db.notification.findMany({
        where: { patientId: team.patient.id, kind: 'MISSED_CHECK_INS' },
        orderBy: { createdAt: 'asc' },
      });

    expect(
      await sweepMissedCheckInsTx(db, clinician, noonAfter(last, MISSED_CHECK_IN_DAYS - 1)),
    ).toBe(0);
    expect(await items()).toEqual([]);

    expect(await sweepMissedCheckInsTx(db, clinician, noonAfter(last, MISSED_CHECK_IN_DAYS))).toBe(
      1,
    );
    const told = await items();
    expect(told.map((i) => i.recipientId).sort()).toEqual(
      [team.prescriber.id, team.therapist.id].sort(),
    );
    expect(told[0]).toMatchObject({
      dedupeKey: `missed-check-ins:${team.patient.id}:${last}`,
      link: `/patients/${team.patient.id}/check-ins`,
      urgent: false,
    });
    expect(told[0]!.summary).toBe('No check-in for 3 days: the last was on March 2, 2026.');

    // The same streak, a day later, by either clinician: nothing new.
    expect(await sweepMissedCheckInsTx(db, clinician, noonAfter(last, 4))).toBe(0);
    expect(await sweepMissedCheckInsTx(db, viewerFor(team.therapist), noonAfter(last, 5))).toBe(0);
    expect(await sweepMissedCheckInsTx(db, viewerFor(offTeam), noonAfter(last, 5))).toBe(0);
    expect(await items()).toHaveLength(2);

    // A check-in ends the streak; the next one is told again.
    await createCheckIn(db, team.patient, { localDate: new Date('2026-03-08T00:00:00Z') });
    expect(await sweepMissedCheckInsTx(db, clinician, noonAfter('2026-03-08', 1))).toBe(0);
    expect(await sweepMissedCheckInsTx(db, clinician, noonAfter('2026-03-08', 3))).toBe(1);
    expect(await items()).toHaveLength(4);
  });

  it('counts days in the patient’s time zone, and leaves alone a patient who never checked in', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const never = await createCareTeam(db, { organization: team.organization, passwordHash: null });
    await addToCareTeam(db, never.patient, team.prescriber);
    // UTC+14: at 11:00 UTC on the 4th it is already the 5th there, 3 days after the 2nd.
    await db.user.update({
      where: { id: team.patient.userId },
      data: { timeZone: 'Pacific/Kiritimati' },
    });
    await createCheckIn(db, team.patient, { localDate: new Date('2026-03-02T00:00:00Z') });
    const clinician = viewerFor(team.prescriber);
    expect(await sweepMissedCheckInsTx(db, clinician, new Date('2026-03-04T09:00:00Z'))).toBe(0);
    expect(await sweepMissedCheckInsTx(db, clinician, new Date('2026-03-04T11:00:00Z'))).toBe(1);
    expect(await db.notification.count({ where: { patientId: never.patient.id } })).toBe(0);
  });

  it('runs when a clinician lists their inbox', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    await db.user.update({ where: { id: team.patient.userId }, data: { timeZone: 'UTC' } });
    await createCheckIn(db, team.patient, { localDate: new Date(Date.now() - 5 * DAY) });
    const page = await list(await sessionCookie(team.therapist));
    expect(page.body.items.map((i: Item) => i.kind)).toEqual(['MISSED_CHECK_INS']);
    expect(page.body.items[0].summary).toMatch(/^No check-in for 5 days/);
  });
});

describe('the caseload’s unread counts', () => {
  it('counts each patient’s unread items of the reader’s own inbox', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const second = await createCareTeam(db, {
      organization: team.organization,
      passwordHash: null,
    });
    await addToCareTeam(db, second.patient, team.prescriber);
    await messageItem(team.patient, 'One.');
    await messageItem(team.patient, 'Two.');
    await createInboxItem(db, team.prescriber, { patient: team.patient, readAt: new Date() });
    await createInboxItem(db, team.therapist, { patient: second.patient });

    const caseload = await listCaseload(viewerFor(team.prescriber));
    const counts = Object.fromEntries(caseload.patients.map((p) => [p.id, p.unreadNotifications]));
    expect(counts).toEqual({ [team.patient.id]: 2, [second.patient.id]: 0 });
  });
});

describe('the inbox’s cost', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Every SQL statement sent to Postgres while `run` executes (the real driver, only observed). */
  async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
    const statements: string[] = [];
    const query = pg.Client.prototype.query;
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      const [config] = args;
      statements.push(
        typeof config === 'string' ? config : String((config as pg.QueryConfig).text),
      );
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query);
    try {
      await run();
    } finally {
      spy.mockRestore();
    }
    return statements;
  }

  it('runs as many statements for a clinician of 12 patients and their streaks as for one', async () => {
    async function inboxOf(size: number) {
      const team = await createCareTeam(db, { passwordHash: null });
      for (let i = 1; i < size; i += 1) {
        const more = await createCareTeam(db, {
          organization: team.organization,
          passwordHash: null,
        });
        await addToCareTeam(db, more.patient, team.therapist);
      }
      const patients = await db.patient.findMany({
        where: { careTeam: { some: { clinicianId: team.therapist.id } } },
      });
      for (const patient of patients) {
        await createCheckIn(db, patient, { localDate: new Date(Date.now() - 6 * DAY) });
        await messageItem(patient, 'A message.');
      }
      const viewer = viewerFor(team.therapist);
      await listNotifications(viewer); // the streaks are told once
      return viewer;
    }
    const small = await inboxOf(1);
    const large = await inboxOf(12);
    const smallStatements = await statementsDuring(() => listNotifications(small));
    let largeItems = 0;
    const largeStatements = await statementsDuring(async () => {
      largeItems = (await listNotifications(large)).items.length;
    });
    expect(largeItems).toBe(24);
    expect(largeStatements.length).toBe(smallStatements.length);
    // BEGIN, the sweep (streaks due; told already), both sections, the patients' names (2), the
    // audit (lock, chain, insert), COMMIT.
    expect(smallStatements.length).toBeLessThanOrEqual(11);
  });
});
