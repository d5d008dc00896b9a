// Recurring edits through the HTTP API (docs/decisions/026-appointments.md): "this" changes one
// visit, which stays in its series; "this and the following" changes the later scheduled visits
// too, moving each by the same shift on the series' wall clock (across the daylight-saving changes
// of America/New_York), all or nothing, and splits the series there, each part's RRULE rewritten.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { createCareTeam, type CareTeam } from '@/tests/factories';
import { callApi, sessionCookie, type ApiResult } from '@/tests/support/api';

const NY = 'America/New_York';
const APPOINTMENTS = '/api/v1/appointments';
const ONE = `${APPOINTMENTS}/{appointmentId}`;

type Clinic = CareTeam & { cookie: string };

async function clinic(): Promise<Clinic> {
  const team = await createCareTeam(db, { passwordHash: null });
  return { ...team, cookie: await sessionCookie(team.therapist) };
}

/** A series of phone therapy visits with `clinicianId` (the therapist by default); its visits. */
async function series(c: Clinic, startsAt: string, repeat: object, clinicianId = c.therapist.id) {
  const answer = await callApi({
    method: 'POST',
    path: APPOINTMENTS,
    cookie: c.cookie,
    body: {
      patientId: c.patient.id,
      clinicianId,
      startsAt,
      durationMinutes: 50,
      kind: 'THERAPY',
      modality: 'PHONE',
      timeZone: NY,
      repeat,
    },
  });
  expect(answer.status, answer.text).toBe(201);
  return visitsOf(answer.body.series.id as string);
}

const visitsOf = (seriesId: string) =>
  db.appointment.findMany({ where: { seriesId }, orderBy: { startsAt: 'asc' } });
const rruleOf = async (seriesId: string) =>
  (await db.appointmentSeries.findUniqueOrThrow({ where: { id: seriesId } })).rrule;
const starts = (rows: { startsAt: Date }[]) => rows.map((r) => r.startsAt.toISOString());

function patch(c: Clinic, id: string, version: number, body: object) {
  return callApi({
    method: 'PATCH',
    path: ONE,
    params: { appointmentId: id },
    cookie: c.cookie,
    body,
    headers: { 'If-Match': `"${version}"` },
  });
}

function cancel(c: Clinic, id: string, version: number, body: object) {
  return callApi({
    method: 'POST',
    path: `${ONE}/cancel`,
    params: { appointmentId: id },
    cookie: c.cookie,
    body,
    headers: { 'If-Match': `"${version}"` },
  });
}

const ok = (answer: ApiResult, status = 200) => expect(answer.status, answer.text).toBe(status);
/** The patient's appointment items (the clock is frozen here: they share one time). */
const inbox = async (c: Clinic) =>
  (
    await db.notification.findMany({
      where: { recipientId: c.patient.account.id, kind: 'APPOINTMENT_UPDATED' },
    })
  ).map((n) => n.summary);

beforeEach(() => {
  // The visits below are in the autumn of 2026: book them from the summer before.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-09-01T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a weekly series, Mondays 10:00 New York time, Oct 19 to Nov 23 2026', () => {
  it('changes one visit with THIS, and the rest of the series from one on with FOLLOWING', async () => {
    const c = await clinic();
    const visits = await series(c, '2026-10-19T14:00:00Z', { frequency: 'WEEKLY', count: 6 });
    const seriesId = visits[0]!.seriesId!;
    expect(starts(visits)).toEqual([
      '2026-10-19T14:00:00.000Z',
      '2026-10-26T14:00:00.000Z',
      '2026-11-02T15:00:00.000Z', // EST from Nov 1
      '2026-11-09T15:00:00.000Z',
      '2026-11-16T15:00:00.000Z',
      '2026-11-23T15:00:00.000Z',
    ]);

    // THIS: Nov 16 moves to 15:00 and to the prescriber; it stays in its series, nothing else moves.
    const one = await patch(c, visits[4]!.id, 1, {
      startsAt: '2026-11-16T20:00:00Z',
      clinicianId: c.prescriber.id,
      scope: 'THIS',
    });
    ok(one);
    expect(one.body).toMatchObject({ version: 2, series: { id: seriesId } });
    const afterThis = await visitsOf(seriesId);
    expect(afterThis.map((v) => v.version)).toEqual([1, 1, 1, 1, 2, 1]);
    expect(starts(afterThis)[4]).toBe('2026-11-16T20:00:00.000Z');
    expect(await rruleOf(seriesId)).toBe('FREQ=WEEKLY;INTERVAL=1;COUNT=6');

    // FOLLOWING from Oct 26 (EDT) to Tue Nov 3, 11:00 (EST): a shift of 8 days and 1 hour on the
    // New York clock (8 days and 2 hours of elapsed time), so every later visit is at 11:00 again
    // (Nov 16's own 15:00 at 16:00), on the Tuesday after.
    const moved = await patch(c, visits[1]!.id, 1, {
      startsAt: '2026-11-03T16:00:00Z',
      scope: 'FOLLOWING',
    });
    ok(moved);
    const newSeries = moved.body.series.id as string;
    expect(newSeries).not.toBe(seriesId);
    expect(moved.body.series).toMatchObject({
      rrule: 'FREQ=WEEKLY;INTERVAL=1;COUNT=5',
      timeZone: NY,
    });
    const split = await visitsOf(newSeries);
    expect(starts(split)).toEqual([
      '2026-11-03T16:00:00.000Z',
      '2026-11-10T16:00:00.000Z',
      '2026-11-17T16:00:00.000Z',
      '2026-11-24T21:00:00.000Z',
      '2026-12-01T16:00:00.000Z',
    ]);
    expect(split.map((v) => v.version)).toEqual([2, 2, 2, 3, 2]);
    // The prescriber keeps the visit moved to them; the length is untouched.
    expect(split.map((v) => v.clinicianId)).toEqual([
      c.therapist.id,
      c.therapist.id,
      c.therapist.id,
      c.prescriber.id,
      c.therapist.id,
    ]);
    expect(split.every((v) => v.endsAt.getTime() - v.startsAt.getTime() === 50 * 60_000)).toBe(
      true,
    );
    const kept = await visitsOf(seriesId);
    expect(starts(kept)).toEqual(['2026-10-19T14:00:00.000Z']);
    expect(await rruleOf(seriesId)).toBe('FREQ=WEEKLY;INTERVAL=1;COUNT=1');
    expect(await inbox(c)).toContain(
      'Your therapy visits from Mon, Oct 26, 10:00 AM EDT on have moved: the next is on Tue, Nov 3, 11:00 AM EST.',
    );
  });

  it('changes nothing when one of the following visits would clash (409)', async () => {
    const c = await clinic();
    const visits = await series(c, '2026-10-19T14:00:00Z', { frequency: 'WEEKLY', count: 4 });
    const seriesId = visits[0]!.seriesId!;
    // Another visit of the therapist on Tue Nov 10 at 11:00 EST.
    const blocker = await callApi({
      method: 'POST',
      path: APPOINTMENTS,
      cookie: c.cookie,
      body: {
        patientId: c.patient.id,
        clinicianId: c.therapist.id,
        startsAt: '2026-11-10T16:00:00Z',
        durationMinutes: 30,
        kind: 'FOLLOW_UP',
        modality: 'PHONE',
      },
    });
    ok(blocker, 201);
    const seriesCount = await db.appointmentSeries.count({ where: { patientId: c.patient.id } });

    // Oct 26 → Tue Oct 27 11:00: Nov 9 would land on Nov 10 11:00, on the other visit.
    const clash = await patch(c, visits[1]!.id, 1, {
      startsAt: '2026-10-27T15:00:00Z',
      scope: 'FOLLOWING',
    });
    ok(clash, 409);
    expect(await visitsOf(seriesId)).toEqual(visits);
    expect(await rruleOf(seriesId)).toBe('FREQ=WEEKLY;INTERVAL=1;COUNT=4');
    expect(await db.appointmentSeries.count({ where: { patientId: c.patient.id } })).toBe(
      seriesCount,
    );
  });

  it('cancels this visit and the following scheduled ones with FOLLOWING; the series ends before it', async () => {
    const c = await clinic();
    const visits = await series(c, '2026-10-19T14:00:00Z', { frequency: 'WEEKLY', count: 5 });
    const seriesId = visits[0]!.seriesId!;
    ok(await cancel(c, visits[3]!.id, 1, { reason: 'Holiday.' }));
    const refused = await patch(c, visits[1]!.id, 1, { status: 'CHECKED_IN', scope: 'FOLLOWING' });
    ok(refused, 400);
    expect(refused.body.errors[0].path).toBe('scope');

    ok(await cancel(c, visits[2]!.id, 1, { reason: 'Moving away.', scope: 'FOLLOWING' }));
    const after = await visitsOf(seriesId);
    expect(after.map((v) => [v.status, v.cancelReason, v.version])).toEqual([
      ['SCHEDULED', null, 1],
      ['SCHEDULED', null, 1],
      ['CANCELLED', 'Moving away.', 2],
      ['CANCELLED', 'Holiday.', 2], // already cancelled: left as it was
      ['CANCELLED', 'Moving away.', 2],
    ]);
    expect(await rruleOf(seriesId)).toBe('FREQ=WEEKLY;INTERVAL=1;COUNT=2');
    expect(await inbox(c)).toContain(
      'Your therapy visit on Mon, Nov 2, 10:00 AM EST and the following one in the series were cancelled.',
    );
    // The slots are free again.
    const rebooked = await callApi({
      method: 'POST',
      path: APPOINTMENTS,
      cookie: c.cookie,
      body: {
        patientId: c.patient.id,
        clinicianId: c.therapist.id,
        startsAt: visits[4]!.startsAt.toISOString(),
        durationMinutes: 50,
        kind: 'THERAPY',
        modality: 'PHONE',
      },
    });
    ok(rebooked, 201);
  });
});

describe('splitting a series that ends on a date', () => {
  it('ends the old rule with UNTIL before the split and keeps UNTIL for the new one', async () => {
    const c = await clinic();
    // Every two weeks, Mondays 9:00, until Dec 14: Oct 19, Nov 2, Nov 16, Nov 30, Dec 14.
    const visits = await series(
      c,
      '2026-10-19T13:00:00Z',
      { frequency: 'BIWEEKLY', until: '2026-12-14' },
      c.prescriber.id,
    );
    const seriesId = visits[0]!.seriesId!;
    expect(visits).toHaveLength(5);
    const answer = await patch(c, visits[2]!.id, 1, {
      modality: 'VIDEO',
      videoUrl: 'https://video.example.test/okafor',
      scope: 'FOLLOWING',
    });
    ok(answer);
    expect(await rruleOf(seriesId)).toBe('FREQ=WEEKLY;INTERVAL=2;UNTIL=20261116T135959Z');
    expect(answer.body.series.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;UNTIL=20261215T045959Z');
    const split = await visitsOf(answer.body.series.id as string);
    expect(starts(split)).toEqual(starts(visits.slice(2)));
    expect(split.map((v) => v.modality)).toEqual(['VIDEO', 'VIDEO', 'VIDEO']);
    expect((await visitsOf(seriesId)).map((v) => v.modality)).toEqual(['PHONE', 'PHONE']);
    expect(await inbox(c)).toContain(
      'Your therapy visits from Mon, Nov 16, 9:00 AM EST on are now by video.',
    );
  });
});

describe('FOLLOWING from the first visit, across the spring change (2026-03-08)', () => {
  it('moves the whole series on the wall clock and keeps the one series', async () => {
    vi.setSystemTime(new Date('2026-01-05T12:00:00Z'));
    const c = await clinic();
    const visits = await series(c, '2026-03-02T15:00:00Z', { frequency: 'WEEKLY', count: 3 });
    const seriesId = visits[0]!.seriesId!;
    // 10:00 EST → 9:00 EST: 9:00 on each Monday, whatever the offset.
    const answer = await patch(c, visits[0]!.id, 1, {
      startsAt: '2026-03-02T14:00:00Z',
      scope: 'FOLLOWING',
    });
    ok(answer);
    expect(answer.body.series.id).toBe(seriesId);
    expect(starts(await visitsOf(seriesId))).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z', // 9:00 EDT
      '2026-03-16T13:00:00.000Z',
    ]);
    expect(await rruleOf(seriesId)).toBe('FREQ=WEEKLY;INTERVAL=1;COUNT=3');
    expect(await db.appointmentSeries.count({ where: { patientId: c.patient.id } })).toBe(1);
  });
});
