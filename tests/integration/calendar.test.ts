// The patient's request to cancel or move a visit, the "Add to calendar" file and the clinicians'
// private feeds, through the real handlers: every calendar produced is parsed with ical.js (a
// maintained RFC 5545 parser); times are UTC, including a visit across the end of daylight-saving
// time in New York (2026-11-01); the feed carries initials and kind only, and its link dies when
// rotated or turned off.
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { bookAppointmentsTx } from '@/lib/data/appointments/book';
import { readCalendarFeed } from '@/lib/data/appointments/calendar';
import { NotFoundError } from '@/lib/errors';
import { createCareTeam, createPatient, addToCareTeam, type CareTeam } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const NY = 'America/New_York';
const DAY = 86_400_000;
const VIDEO = 'https://video.example.test/secret-room';

/** The VEVENTs of a calendar text, after checking it parses as one VCALENDAR. */
function eventsOf(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  expect(root.name).toBe('vcalendar');
  expect(root.getFirstPropertyValue('version')).toBe('2.0');
  expect(root.getFirstPropertyValue('prodid')).toBeTruthy();
  return root.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = vevent.getFirstPropertyValue('dtend') as ICAL.Time;
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      description: event.description,
      status: vevent.getFirstPropertyValue('status'),
      url: vevent.getFirstPropertyValue('url'),
      start,
      end,
      properties: vevent.getAllProperties().map((p) => p.name),
    };
  });
}

async function book(
  team: CareTeam,
  clinicianId: string,
  startsAt: Date,
  extra: Partial<Parameters<typeof bookAppointmentsTx>[3]> = {},
): Promise<string> {
  const { ids } = await bookAppointmentsTx(db, team.patient, clinicianId, {
    clinicianId,
    startsAt,
    durationMinutes: 50,
    kind: 'THERAPY',
    modality: 'VIDEO',
    videoUrl: VIDEO,
    timeZone: NY,
    ...extra,
  });
  return ids[0]!;
}

describe('the patient’s request to cancel or reschedule', () => {
  let team: CareTeam;
  let patientCookie: string;
  beforeAll(async () => {
    team = await createCareTeam(db, { passwordHash: null });
    patientCookie = await sessionCookie(team.patient);
  });
  const ask = (appointmentId: string, body: unknown, cookie = patientCookie) =>
    callApi({
      method: 'POST',
      path: '/api/v1/appointments/{appointmentId}/request',
      params: { appointmentId },
      body,
      cookie,
    });

  it('stores the request without a new version and tells the visit’s clinician alone, on their clock', async () => {
    await db.user.update({
      where: { id: team.therapist.id },
      data: { timeZone: 'America/Los_Angeles' },
    });
    const id = await book(team, team.therapist.id, new Date(Date.now() + 5 * DAY));
    const before = await db.appointment.findUniqueOrThrow({ where: { id } });
    const answer = await ask(id, { kind: 'RESCHEDULE', reason: '  I have an exam that morning. ' });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.request).toMatchObject({
      kind: 'RESCHEDULE',
      reason: 'I have an exam that morning.',
    });
    expect(answer.body.version).toBe(before.version);

    const items = await db.notification.findMany({
      where: { subjectId: id, kind: 'APPOINTMENT_CHANGE_REQUESTED' },
    });
    expect(items.map((n) => n.recipientId)).toEqual([team.therapist.id]);
    expect(items[0]!.link).toBe(`/appointments/${id}`);
    expect(items[0]!.summary).toContain(team.patient.account.name);
    expect(items[0]!.summary).toContain('I have an exam that morning.');
    expect(items[0]!.summary).toMatch(/P[SD]T/);
    const audit = await db.auditEvent.findFirst({
      where: { actorId: team.patient.account.id, action: 'requestChange', resourceId: id },
    });
    expect(audit?.outcome).toBe('ALLOWED');

    const again = await ask(id, { kind: 'CANCEL', reason: 'Never mind, cancel it.' });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ path: 'kind', message: expect.any(String) }]);
  });

  it('refuses a visit that has started, or was cancelled (409), and a blank reason (400)', async () => {
    const started = await book(team, team.therapist.id, new Date(Date.now() - 10 * 60_000));
    expect((await ask(started, { kind: 'CANCEL', reason: 'Late.' })).status).toBe(409);
    const cancelled = await book(team, team.therapist.id, new Date(Date.now() + 9 * DAY));
    await db.appointment.update({
      where: { id: cancelled },
      data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason: 'Snow.' },
    });
    expect((await ask(cancelled, { kind: 'CANCEL', reason: 'Hm.' })).status).toBe(409);
    const open = await book(team, team.therapist.id, new Date(Date.now() + 11 * DAY));
    const blank = await ask(open, { kind: 'CANCEL', reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors[0].path).toBe('reason');
    expect(
      (await db.appointment.findUniqueOrThrow({ where: { id: open } })).requestedAt,
    ).toBeNull();
  });

  it('is the patient’s alone: the clinician 403, another patient 404', async () => {
    const id = await book(team, team.therapist.id, new Date(Date.now() + 13 * DAY));
    const body = { kind: 'CANCEL', reason: 'Not me.' };
    expect((await ask(id, body, await sessionCookie(team.therapist))).status).toBe(403);
    const stranger = await createPatient(db, team.organization, { passwordHash: null });
    expect((await ask(id, body, await sessionCookie(stranger))).status).toBe(404);
  });
});

describe('a visit as an .ics file', () => {
  it('gives the patient “Therapy with <clinician>”, the link to join, UTC times and a stable UID', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const startsAt = new Date(Date.now() + 3 * DAY);
    const id = await book(team, team.therapist.id, startsAt);
    const result = await callApi({
      method: 'GET',
      path: '/api/v1/appointments/{appointmentId}/calendar.ics',
      params: { appointmentId: id },
      cookie: await sessionCookie(team.patient),
    });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(result.headers.get('content-disposition')).toMatch(
      /^attachment; filename="triad-appointment-\d{4}-\d{2}-\d{2}\.ics"$/,
    );
    const [event, ...rest] = eventsOf(result.text);
    expect(rest).toEqual([]);
    expect(event!.summary).toBe(`Therapy with ${team.therapist.name}`);
    expect(event!.location).toBe(VIDEO);
    expect(event!.uid).toBe(`${id}@localhost`);
    expect(event!.status).toBe('CONFIRMED');
    expect(event!.start.zone?.tzid).toBe('UTC');
    expect(event!.start.toJSDate().getTime()).toBe(Math.floor(startsAt.getTime() / 1000) * 1000);
    expect(event!.end.toJSDate().getTime() - event!.start.toJSDate().getTime()).toBe(50 * 60_000);
    expect(result.text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(String(event!.url)).toMatch(/\/my-care\/appointments$/);
    const audit = await db.auditEvent.findFirst({
      where: {
        actorId: team.patient.account.id,
        action: 'read',
        resourceType: 'appointment',
        resourceId: id,
      },
    });
    expect(audit).not.toBeNull();
  });

  it('marks a cancelled visit CANCELLED, for the team too', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const id = await book(team, team.therapist.id, new Date(Date.now() + 4 * DAY), {
      modality: 'IN_PERSON',
      location: 'Riverbend Clinic, Room 2',
      videoUrl: undefined,
    });
    await db.appointment.update({
      where: { id },
      data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason: 'Flooded office.' },
    });
    const result = await callApi({
      method: 'GET',
      path: '/api/v1/appointments/{appointmentId}/calendar.ics',
      params: { appointmentId: id },
      cookie: await sessionCookie(team.prescriber),
    });
    expect(result.status).toBe(200);
    const [event] = eventsOf(result.text);
    expect(event!.status).toBe('CANCELLED');
    expect(event!.location).toBe('Riverbend Clinic, Room 2');
    expect(result.text).not.toContain('Flooded office');
  });
});

describe('a clinician’s private calendar feed', () => {
  let team: CareTeam;
  let therapistCookie: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    team = await createCareTeam(db, { passwordHash: null });
    therapistCookie = await sessionCookie(team.therapist);
    // Across the end of daylight-saving time in New York: 01:30 EDT to 01:20 EST.
    ids.dst = await book(team, team.therapist.id, new Date('2026-11-01T05:30:00Z'));
    ids.afternoon = await book(team, team.therapist.id, new Date('2026-11-02T19:00:00Z'));
    ids.cancelled = await book(team, team.therapist.id, new Date('2026-11-03T15:00:00Z'));
    await db.appointment.update({
      where: { id: ids.cancelled },
      data: {
        status: 'CANCELLED',
        cancelledAt: new Date(),
        cancelReason: 'Car trouble on the bridge.',
      },
    });
    await db.appointment.update({
      where: { id: ids.afternoon },
      data: {
        requestKind: 'RESCHEDULE',
        requestReason: 'Picking up my daughter.',
        requestedAt: new Date(),
      },
    });
    ids.prescriber = await book(team, team.prescriber.id, new Date('2026-11-02T15:00:00Z'), {
      kind: 'MEDICATION_MANAGEMENT',
    });
    ids.farAway = await book(team, team.therapist.id, new Date('2027-06-01T15:00:00Z'));
    // Another patient of the therapist, whose team the therapist has left: not in the feed.
    const former = await createPatient(db, team.organization, { passwordHash: null });
    const membership = await addToCareTeam(db, former, team.therapist);
    const { ids: formerIds } = await bookAppointmentsTx(db, former, team.therapist.id, {
      clinicianId: team.therapist.id,
      startsAt: new Date('2026-11-04T15:00:00Z'),
      durationMinutes: 50,
      kind: 'INTAKE',
      modality: 'PHONE',
      timeZone: NY,
    });
    ids.former = formerIds[0]!;
    await db.careTeamMembership.update({
      where: { id: membership.id },
      data: { endedAt: new Date() },
    });
  });

  const feedCall = (method: 'GET' | 'POST' | 'DELETE', cookie = therapistCookie) =>
    callApi({ method, path: '/api/v1/me/calendar-feed', cookie });
  const fetchFeed = (url: string) =>
    callApi({
      method: 'GET',
      path: '/api/v1/calendar/{feed}',
      params: { feed: new URL(url).pathname.split('/').at(-1)! },
    });
  const tokenOf = (url: string) =>
    new URL(url).pathname
      .split('/')
      .at(-1)!
      .replace(/\.ics$/, '');

  it('carries initials and kind, UTC times across the DST change, statuses, and nothing else', async () => {
    expect((await feedCall('GET')).body).toEqual({
      active: false,
      createdAt: null,
      lastFetchedAt: null,
    });
    const created = await feedCall('POST');
    expect(created.status).toBe(200);
    expect(created.body.url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const stored = await db.calendarFeed.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.tokenHash).not.toContain(tokenOf(created.body.url));
    expect(JSON.stringify(await feedCall('GET'))).not.toContain(tokenOf(created.body.url));

    // On a fixed day, so the window (30 days back, 90 ahead) holds November 2026 whenever this runs.
    const { text } = await readCalendarFeed(
      tokenOf(created.body.url),
      'https://triad.example',
      {},
      new Date('2026-11-10T12:00:00Z'),
    );
    const events = eventsOf(text);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual(
      [ids.dst, ids.afternoon, ids.cancelled].map((id) => `${id}@triad.example`).sort(),
    );
    const dst = byUid.get(`${ids.dst}@triad.example`)!;
    expect(dst.start.toString()).toBe('2026-11-01T05:30:00Z');
    expect(dst.end.toString()).toBe('2026-11-01T06:20:00Z');
    expect(text).toContain('DTSTART:20261101T053000Z');
    expect(text).toContain('DTEND:20261101T062000Z');
    expect(byUid.get(`${ids.cancelled}@triad.example`)!.status).toBe('CANCELLED');
    const [first, last] = team.patient.account.name.split(' ');
    for (const event of events) {
      expect(event.summary).toBe(`${first![0]}.${last![0]}. – Therapy`);
      expect(event.location).toBeNull();
      expect(event.description).toBeNull();
      expect(event.properties).not.toContain('location');
      expect(event.properties).not.toContain('description');
    }
    for (const secret of [
      team.patient.account.name,
      first!,
      last!,
      VIDEO,
      'Car trouble',
      'Picking up my daughter',
      team.patient.account.email,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('answers text/calendar through the link, one audit event per fetch by its owner, and sets lastFetchedAt', async () => {
    const { body } = await feedCall('POST');
    const audits = () =>
      db.auditEvent.count({
        where: {
          actorId: team.therapist.id,
          action: 'read',
          resourceType: 'calendarFeed',
          resourceId: body.id,
        },
      });
    const before = await audits();
    const result = await fetchFeed(body.url);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(result.headers.get('cache-control')).toBe('no-store');
    eventsOf(result.text);
    expect(await audits()).toBe(before + 1);
    await fetchFeed(body.url);
    expect(await audits()).toBe(before + 2);
    const event = await db.auditEvent.findFirstOrThrow({
      where: {
        actorId: team.therapist.id,
        resourceType: 'calendarFeed',
        resourceId: body.id,
        action: 'read',
      },
    });
    expect(event.patientId).toBeNull();
    expect((await feedCall('GET')).body.lastFetchedAt).not.toBeNull();
  });

  it('answers 404 for a rotated, a turned-off, an unknown or a malformed link', async () => {
    const old = (await feedCall('POST')).body.url as string;
    expect((await fetchFeed(old)).status).toBe(200);
    const rotated = (await feedCall('POST')).body.url as string;
    const oldAgain = await fetchFeed(old);
    expect(oldAgain.status).toBe(404);
    expect(oldAgain.headers.get('content-type')).toBe('application/problem+json');
    expect((await fetchFeed(rotated)).status).toBe(200);
    expect(
      await db.calendarFeed.count({ where: { userId: team.therapist.id, revokedAt: null } }),
    ).toBe(1);

    expect((await feedCall('DELETE')).status).toBe(204);
    expect((await fetchFeed(rotated)).status).toBe(404);
    expect((await feedCall('GET')).body.active).toBe(false);
    const revoke = await db.auditEvent.findFirst({
      where: { actorId: team.therapist.id, action: 'revoke', resourceType: 'calendarFeed' },
    });
    expect(revoke).not.toBeNull();

    for (const feed of [
      'A'.repeat(43) + '.ics',
      'short.ics',
      tokenOf(rotated),
      `${tokenOf(rotated)}.ical`,
    ]) {
      const result = await callApi({
        method: 'GET',
        path: '/api/v1/calendar/{feed}',
        params: { feed },
      });
      expect(result.status, feed).toBe(404);
    }
    await expect(
      readCalendarFeed(tokenOf(rotated), 'https://triad.example'),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('stops working when its clinician is disabled', async () => {
    const other = await createCareTeam(db, { passwordHash: null });
    const url = (await feedCall('POST', await sessionCookie(other.prescriber))).body.url as string;
    expect((await fetchFeed(url)).status).toBe(200);
    await db.user.update({ where: { id: other.prescriber.id }, data: { disabledAt: new Date() } });
    expect((await fetchFeed(url)).status).toBe(404);
  });
});
