// Appointments through the HTTP API (docs/decisions/026-appointments.md): the double-booking race,
// series across the daylight-saving changes of America/New_York, If-Match, the status moving along,
// cancellation, who may do what, what the patient is told, and the audit trail. Recurring edits
// ("this" and "this and the following") are in ./appointments-series.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import { listAccessLog } from '@/lib/data/access-log';
import { createCareTeam, createUser, viewerFor, type CareTeam } from '@/tests/factories';
import { callApi, sessionCookie, type ApiResult } from '@/tests/support/api';

const NY = 'America/New_York';
const APPOINTMENTS = '/api/v1/appointments';
const ONE = `${APPOINTMENTS}/{appointmentId}`;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Clinic = CareTeam & {
  admin: User;
  cookie: Record<'therapist' | 'prescriber' | 'admin' | 'patient', string>;
};

async function clinic(): Promise<Clinic> {
  const team = await createCareTeam(db, { passwordHash: null });
  const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
  return {
    ...team,
    admin,
    cookie: {
      therapist: await sessionCookie(team.therapist),
      prescriber: await sessionCookie(team.prescriber),
      admin: await sessionCookie(admin),
      patient: await sessionCookie(team.patient),
    },
  };
}

/** Book through the API, as `cookie`, a 50-minute phone therapy visit with the therapist. */
function book(c: Clinic, startsAt: Date | string, extra: object = {}, cookie = c.cookie.therapist) {
  return callApi({
    method: 'POST',
    path: APPOINTMENTS,
    cookie,
    body: {
      patientId: c.patient.id,
      clinicianId: c.therapist.id,
      startsAt: typeof startsAt === 'string' ? startsAt : startsAt.toISOString(),
      durationMinutes: 50,
      kind: 'THERAPY',
      modality: 'PHONE',
      timeZone: NY,
      ...extra,
    },
  });
}

/** The id of a visit booked at `startsAt` (the booking must succeed). */
async function booked(c: Clinic, startsAt: Date | string, extra: object = {}): Promise<string> {
  const answer = await book(c, startsAt, extra);
  expect(answer.status, answer.text).toBe(201);
  return answer.body.id as string;
}

function patch(cookie: string, id: string, version: number | null, body: object) {
  return callApi({
    method: 'PATCH',
    path: ONE,
    params: { appointmentId: id },
    cookie,
    body,
    headers: version === null ? {} : { 'If-Match': `"${version}"` },
  });
}

function cancel(cookie: string, id: string, version: number | null, body: object) {
  return callApi({
    method: 'POST',
    path: `${ONE}/cancel`,
    params: { appointmentId: id },
    cookie,
    body,
    headers: version === null ? {} : { 'If-Match': `"${version}"` },
  });
}

const row = (id: string) => db.appointment.findUniqueOrThrow({ where: { id } });
const inbox = (c: Clinic) =>
  db.notification.findMany({
    where: { recipientId: c.patient.account.id, kind: 'APPOINTMENT_UPDATED' },
    orderBy: { createdAt: 'asc' },
  });
/** Three days ahead, on the hour: each test's clinic is new, so their visits never meet. */
const AHEAD = Math.ceil((Date.now() + 3 * DAY) / HOUR) * HOUR;
const soon = (hours: number) => new Date(AHEAD + hours * HOUR);
const expectStatus = (answer: ApiResult, status: number) =>
  expect(answer.status, answer.text).toBe(status);

afterEach(() => {
  vi.useRealTimers();
});

describe('booking', () => {
  it('gives exactly one 201 to 20 concurrent POSTs at one slot, and 409 to the other 19', async () => {
    const c = await clinic();
    const cookies = [c.cookie.therapist, c.cookie.prescriber, c.cookie.admin];
    const start = soon(0).getTime();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        // Overlapping starts, 0 to 4 minutes apart, all inside one 50-minute visit.
        book(c, new Date(start + (i % 5) * 60_000), {}, cookies[i % cookies.length]),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body.errors[0].path).toBe('startsAt');
    }
    expect(await db.appointment.count({ where: { clinicianId: c.therapist.id } })).toBe(1);
  });

  it('keeps 10:00 on the New York clock across 2026-03-08 and 2026-11-01', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-05T12:00:00Z'));
    const c = await clinic();
    const spring = await book(c, '2026-03-02T15:00:00Z', {
      repeat: { frequency: 'WEEKLY', count: 3 },
    });
    const fall = await book(c, '2026-10-19T14:00:00Z', {
      repeat: { frequency: 'BIWEEKLY', until: '2026-11-16' },
    });
    expectStatus(spring, 201);
    expectStatus(fall, 201);
    const starts = async (seriesId: string) =>
      (await db.appointment.findMany({ where: { seriesId }, orderBy: { startsAt: 'asc' } })).map(
        (r) => r.startsAt.toISOString(),
      );
    expect(await starts(spring.body.series.id)).toEqual([
      '2026-03-02T15:00:00.000Z', // 10:00 EST
      '2026-03-09T14:00:00.000Z', // 10:00 EDT
      '2026-03-16T14:00:00.000Z',
    ]);
    expect(await starts(fall.body.series.id)).toEqual([
      '2026-10-19T14:00:00.000Z', // 10:00 EDT
      '2026-11-02T15:00:00.000Z', // 10:00 EST
      '2026-11-16T15:00:00.000Z',
    ]);
    expect(spring.body.series).toMatchObject({
      rrule: 'FREQ=WEEKLY;INTERVAL=1;COUNT=3',
      timeZone: NY,
    });
    expect(fall.body.series.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;UNTIL=20261117T045959Z');
  });

  it('refuses a clinician off the patient’s care team (400 on clinicianId), booking nothing', async () => {
    const c = await clinic();
    const outsider = await createUser(db, c.organization, {
      role: 'THERAPIST',
      passwordHash: null,
    });
    const answer = await book(c, soon(1), { clinicianId: outsider.id });
    expectStatus(answer, 400);
    expect(answer.body.errors[0].path).toBe('clinicianId');
    expect(await db.appointment.count({ where: { patientId: c.patient.id } })).toBe(0);
  });
});

describe('If-Match on PATCH and cancel', () => {
  it('is 428 without it and 412 naming the current version when stale, changing nothing', async () => {
    const c = await clinic();
    const id = await booked(c, soon(2));
    expectStatus(await patch(c.cookie.therapist, id, null, { durationMinutes: 30 }), 428);
    expectStatus(await cancel(c.cookie.therapist, id, null, { reason: 'Closed.' }), 428);

    const first = await patch(c.cookie.therapist, id, 1, { durationMinutes: 30 });
    expectStatus(first, 200);
    expect(first.headers.get('etag')).toBe('"2"');
    expect(first.body).toMatchObject({ version: 2, durationMinutes: 30 });

    const stale = await patch(c.cookie.therapist, id, 1, { durationMinutes: 90 });
    expectStatus(stale, 412);
    expect(stale.body.currentVersion).toBe(2);
    expect(stale.headers.get('etag')).toBe('"2"');
    const staleCancel = await cancel(c.cookie.admin, id, 1, { reason: 'Closed.' });
    expectStatus(staleCancel, 412);
    const now = await row(id);
    expect([now.version, now.status, now.endsAt.getTime() - now.startsAt.getTime()]).toEqual([
      2,
      'SCHEDULED',
      30 * 60_000,
    ]);
  });

  it('lets exactly one of 10 concurrent PATCHes carrying the same version through', async () => {
    const c = await clinic();
    const id = await booked(c, soon(3));
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        patch(i % 2 ? c.cookie.admin : c.cookie.prescriber, id, 1, { durationMinutes: 20 + i }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 412)).toHaveLength(9);
    expect((await row(id)).version).toBe(2);
  });
});

describe('moving one visit', () => {
  it('is 409 on a clash, changing nothing; a cancelled visit frees its slot', async () => {
    const c = await clinic();
    const blocker = await booked(c, soon(10));
    const id = await booked(c, soon(12));
    const before = await row(id);
    const clash = await patch(c.cookie.therapist, id, 1, { startsAt: soon(10.5).toISOString() });
    expectStatus(clash, 409);
    expect(clash.body.errors[0].path).toBe('startsAt');
    expect(await row(id)).toEqual(before);

    expectStatus(await cancel(c.cookie.therapist, blocker, 1, { reason: 'Clinic closed.' }), 200);
    const moved = await patch(c.cookie.therapist, id, 1, { startsAt: soon(10.5).toISOString() });
    expectStatus(moved, 200);
    expect(moved.body.startsAt).toBe(soon(10.5).toISOString());
    expect(moved.body.durationMinutes).toBe(50);
  });

  it('lets only one of two visits moved at once into one free slot have it', async () => {
    const c = await clinic();
    const [a, b] = [await booked(c, soon(20)), await booked(c, soon(22))];
    const slot = soon(30).toISOString();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        patch(i % 2 ? c.cookie.admin : c.cookie.therapist, i % 2 ? a : b, 1, { startsAt: slot }),
      ),
    );
    expect(answers.filter((x) => x.status === 200)).toHaveLength(1);
    expect(answers.filter((x) => x.status === 409).length).toBeGreaterThanOrEqual(1);
    expect(answers.every((x) => [200, 409, 412].includes(x.status))).toBe(true);
    expect(
      await db.appointment.count({ where: { id: { in: [a, b] }, startsAt: new Date(slot) } }),
    ).toBe(1);
  });

  it('needs a new clinician on the team (400) and a consistent place (400 on the field)', async () => {
    const c = await clinic();
    const id = await booked(c, soon(4));
    const outsider = await createUser(db, c.organization, {
      role: 'THERAPIST',
      passwordHash: null,
    });
    const off = await patch(c.cookie.therapist, id, 1, { clinicianId: outsider.id });
    expectStatus(off, 400);
    expect(off.body.errors[0].path).toBe('clinicianId');
    const noLink = await patch(c.cookie.therapist, id, 1, { modality: 'VIDEO' });
    expectStatus(noLink, 400);
    expect(noLink.body.errors[0].path).toBe('videoUrl');
    const locationOnPhone = await patch(c.cookie.therapist, id, 1, { location: 'Room 2' });
    expectStatus(locationOnPhone, 400);
    expect(locationOnPhone.body.errors[0].path).toBe('location');
    expect((await row(id)).version).toBe(1);

    const inPerson = await patch(c.cookie.therapist, id, 1, {
      modality: 'IN_PERSON',
      location: 'Riverbend Clinic, Room 2',
    });
    expectStatus(inPerson, 200);
    // Video keeps nothing of the in-person place.
    const video = await patch(c.cookie.therapist, id, 2, {
      modality: 'VIDEO',
      videoUrl: 'https://video.example.test/room',
      clinicianId: c.prescriber.id,
    });
    expectStatus(video, 200);
    expect(video.body).toMatchObject({
      modality: 'VIDEO',
      location: null,
      videoUrl: 'https://video.example.test/room',
      clinician: { id: c.prescriber.id },
      version: 3,
    });
  });

  it('refuses a start more than an hour ago and an empty change (400)', async () => {
    const c = await clinic();
    const id = await booked(c, soon(5));
    const past = await patch(c.cookie.therapist, id, 1, {
      startsAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    });
    expectStatus(past, 400);
    expect(past.body.errors[0].path).toBe('startsAt');
    expectStatus(await patch(c.cookie.therapist, id, 1, {}), 400);
    expectStatus(
      await patch(c.cookie.therapist, id, 1, { status: 'CHECKED_IN', durationMinutes: 30 }),
      400,
    );
    expect((await row(id)).version).toBe(1);
  });
});

describe('the status of a visit', () => {
  it('moves SCHEDULED → CHECKED_IN → COMPLETED, and COMPLETED is final', async () => {
    const c = await clinic();
    const id = await booked(c, new Date(Date.now() - 20 * 60_000)); // began 20 minutes ago
    const checkedIn = await patch(c.cookie.therapist, id, 1, { status: 'CHECKED_IN' });
    expectStatus(checkedIn, 200);
    expect(checkedIn.body.checkedInAt).not.toBeNull();
    expectStatus(await patch(c.cookie.therapist, id, 2, { status: 'CHECKED_IN' }), 409);
    // A checked-in visit keeps its time, length and place.
    const move = await patch(c.cookie.therapist, id, 2, { durationMinutes: 30 });
    expectStatus(move, 409);
    expect(move.body.errors[0].path).toBe('durationMinutes');

    const done = await patch(c.cookie.admin, id, 2, { status: 'COMPLETED' });
    expectStatus(done, 200);
    expect(done.body).toMatchObject({ status: 'COMPLETED', version: 3 });
    expect(done.body.completedAt).not.toBeNull();
    for (const body of [{ status: 'NO_SHOW' }, { status: 'CHECKED_IN' }, { kind: 'INTAKE' }]) {
      expectStatus(await patch(c.cookie.therapist, id, 3, body), 409);
    }
    expectStatus(await cancel(c.cookie.therapist, id, 3, { reason: 'Too late.' }), 409);
    expect(await row(id)).toMatchObject({ status: 'COMPLETED', version: 3 });
  });

  it('marks completed or no-show only once the visit has started; NO_SHOW is final', async () => {
    const c = await clinic();
    const later = await booked(c, soon(6));
    for (const status of ['COMPLETED', 'NO_SHOW']) {
      const early = await patch(c.cookie.therapist, later, 1, { status });
      expectStatus(early, 409);
      expect(early.body.detail).toContain('has not started yet');
    }
    expectStatus(await patch(c.cookie.therapist, later, 1, { status: 'CHECKED_IN' }), 200);

    const begun = await booked(c, new Date(Date.now() - 10 * 60_000));
    expectStatus(await patch(c.cookie.therapist, begun, 1, { status: 'NO_SHOW' }), 200);
    expectStatus(await patch(c.cookie.therapist, begun, 2, { status: 'COMPLETED' }), 409);
    expect(await row(begun)).toMatchObject({ status: 'NO_SHOW', completedAt: null });
  });
});

describe('cancelling', () => {
  it('needs a reason (400, nothing changes), then records who, when and why', async () => {
    const c = await clinic();
    const id = await booked(c, soon(7));
    for (const body of [{}, { reason: '   ' }]) {
      const refused = await cancel(c.cookie.therapist, id, 1, body);
      expectStatus(refused, 400);
      expect(refused.body.errors[0].path).toBe('reason');
    }
    expect(await row(id)).toMatchObject({ status: 'SCHEDULED', version: 1 });

    const done = await cancel(c.cookie.therapist, id, 1, { reason: ' Clinician unwell. ' });
    expectStatus(done, 200);
    expect(done.headers.get('etag')).toBe('"2"');
    expect(done.body).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'Clinician unwell.',
      cancelledBy: { id: c.therapist.id },
    });
    expect(await row(id)).toMatchObject({ cancelledById: c.therapist.id });
    const again = await cancel(c.cookie.therapist, id, 2, { reason: 'Twice.' });
    expectStatus(again, 409);
    expectStatus(await patch(c.cookie.therapist, id, 2, { status: 'CHECKED_IN' }), 409);
  });

  it('cancels a checked-in visit; a no-show cannot be cancelled', async () => {
    const c = await clinic();
    const id = await booked(c, new Date(Date.now() - 5 * 60_000));
    expectStatus(await patch(c.cookie.therapist, id, 1, { status: 'CHECKED_IN' }), 200);
    expectStatus(await cancel(c.cookie.prescriber, id, 2, { reason: 'Fire alarm.' }), 200);

    const missed = await booked(c, new Date(Date.now() - 55 * 60_000), { durationMinutes: 30 });
    expectStatus(await patch(c.cookie.therapist, missed, 1, { status: 'NO_SHOW' }), 200);
    expectStatus(await cancel(c.cookie.therapist, missed, 2, { reason: 'Tidy up.' }), 409);
  });
});

describe('who may change a visit', () => {
  it('lets an admin book, change and cancel, reading no reasons', async () => {
    const c = await clinic();
    const made = await book(c, soon(8), {}, c.cookie.admin);
    expectStatus(made, 201);
    const id = made.body.id as string;
    expectStatus(await patch(c.cookie.admin, id, 1, { kind: 'FOLLOW_UP' }), 200);
    const gone = await cancel(c.cookie.admin, id, 2, { reason: 'Patient moving away.' });
    expectStatus(gone, 200);
    expect(gone.body).toMatchObject({ status: 'CANCELLED', cancelReason: null });
    expect((await row(id)).cancelReason).toBe('Patient moving away.');
    await db.appointment.update({
      where: { id },
      data: { requestKind: 'CANCEL', requestReason: 'Private words.', requestedAt: new Date() },
    });
    const asAdmin = await callApi({
      method: 'GET',
      path: ONE,
      params: { appointmentId: id },
      cookie: c.cookie.admin,
    });
    expect(asAdmin.body).toMatchObject({
      cancelReason: null,
      request: { kind: 'CANCEL', reason: null },
    });
    const asTherapist = await callApi({
      method: 'GET',
      path: ONE,
      params: { appointmentId: id },
      cookie: c.cookie.therapist,
    });
    expect(asTherapist.body).toMatchObject({
      cancelReason: 'Patient moving away.',
      request: { reason: 'Private words.' },
    });
  });

  it('is 404 to a clinician off the team and 403 to the patient, changing nothing', async () => {
    const c = await clinic();
    const id = await booked(c, soon(9));
    const outsider = await createUser(db, c.organization, {
      role: 'THERAPIST',
      passwordHash: null,
    });
    const off = await sessionCookie(outsider);
    expectStatus(await patch(off, id, 1, { durationMinutes: 30 }), 404);
    expectStatus(await cancel(off, id, 1, { reason: 'No.' }), 404);
    expectStatus(await patch(c.cookie.patient, id, 1, { durationMinutes: 30 }), 403);
    expectStatus(await cancel(c.cookie.patient, id, 1, { reason: 'I cannot come.' }), 403);
    expect(await row(id)).toMatchObject({ status: 'SCHEDULED', version: 1 });
    const denials = await db.auditEvent.findMany({
      where: {
        resourceType: 'appointment',
        outcome: 'DENIED',
        actorId: { in: [outsider.id, c.patient.account.id] },
      },
    });
    expect(denials.map((d) => `${d.action}:${d.detail}`).sort()).toEqual([
      'cancel:forbidden',
      'cancel:not-found',
      'update:forbidden',
      'update:not-found',
    ]);
  });
});

describe('what the patient is told, and the trail', () => {
  it('a move and a cancellation reach the inbox; a status change does not; any change clears the request', async () => {
    const c = await clinic();
    await db.user.update({
      where: { id: c.patient.account.id },
      data: { timeZone: 'America/Los_Angeles' },
    });
    const id = await booked(c, '2027-01-12T15:00:00Z'); // 10:00 in New York, 7:00 in Los Angeles
    await db.appointment.update({
      where: { id },
      data: { requestKind: 'RESCHEDULE', requestReason: 'Work.', requestedAt: new Date() },
    });
    const booking = (await inbox(c)).length;

    const moved = await patch(c.cookie.therapist, id, 1, { startsAt: '2027-01-13T16:00:00Z' });
    expectStatus(moved, 200);
    expect(moved.body.request).toBeNull();
    const afterMove = await inbox(c);
    expect(afterMove).toHaveLength(booking + 1);
    expect(afterMove.at(-1)).toMatchObject({
      summary:
        'Your therapy visit on Tue, Jan 12, 7:00 AM PST has moved to Wed, Jan 13, 8:00 AM PST.',
      link: '/my-care/appointments',
      subjectId: id,
    });

    expectStatus(await patch(c.cookie.therapist, id, 2, { kind: 'FOLLOW_UP' }), 200);
    expect(await inbox(c)).toHaveLength(booking + 1);
    expectStatus(await patch(c.cookie.therapist, id, 3, { status: 'CHECKED_IN' }), 200);
    expect(await inbox(c)).toHaveLength(booking + 1);

    expectStatus(await cancel(c.cookie.admin, id, 4, { reason: 'Snow.' }), 200);
    const afterCancel = await inbox(c);
    expect(afterCancel).toHaveLength(booking + 2);
    expect(afterCancel.at(-1)!.summary).toBe(
      'Your follow-up visit on Wed, Jan 13, 8:00 AM PST was cancelled.',
    );
  });

  it('writes audit events, which the patient’s access log says in plain words', async () => {
    const c = await clinic();
    const id = await booked(c, soon(11));
    expectStatus(await patch(c.cookie.therapist, id, 1, { durationMinutes: 40 }), 200);
    expectStatus(await cancel(c.cookie.therapist, id, 2, { reason: 'Clinic closed.' }), 200);
    const events = await db.auditEvent.findMany({
      where: { resourceType: 'appointment', resourceId: id, outcome: 'ALLOWED' },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => [e.action, e.actorId, e.patientId])).toEqual([
      ['create', c.therapist.id, c.patient.id],
      ['update', c.therapist.id, c.patient.id],
      ['cancel', c.therapist.id, c.patient.id],
    ]);
    const log = await listAccessLog(viewerFor(c.patient), c.patient.id);
    const summaries = log.items.map((entry) => entry.summary);
    expect(summaries).toContain(
      `${c.therapist.name}, your therapist, changed one of your appointments.`,
    );
    expect(summaries).toContain(
      `${c.therapist.name}, your therapist, cancelled one of your appointments.`,
    );
  });

  it('audits the refusals answered before lib/data: with the patient in scope, never out of it', async () => {
    const c = await clinic();
    const id = await booked(c, soon(12));
    expectStatus(await patch(c.cookie.therapist, id, null, { durationMinutes: 40 }), 428);
    expectStatus(await cancel(c.cookie.therapist, id, 1, { reason: 'x', extra: true }), 400);
    const outsider = await createUser(db, c.organization, {
      role: 'THERAPIST',
      passwordHash: null,
    });
    expectStatus(
      await patch(await sessionCookie(outsider), id, 1, { durationMinutes: 'long' }),
      400,
    );
    const refused = await db.auditEvent.findMany({
      where: {
        resourceType: 'appointment',
        outcome: { not: 'ALLOWED' },
        OR: [{ resourceId: id }, { patientId: c.patient.id }],
      },
      orderBy: { seq: 'asc' },
    });
    expect(refused.map((e) => [e.actorId, e.action, e.patientId, e.resourceId, e.detail])).toEqual([
      [c.therapist.id, 'update', c.patient.id, id, 'version-missing'],
      [c.therapist.id, 'cancel', c.patient.id, id, 'invalid-input'],
      [outsider.id, 'update', null, id, 'invalid-input'],
    ]);
  });
});
