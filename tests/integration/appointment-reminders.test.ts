// The appointment reminders tick (lib/data/appointments/reminders.ts) with a moved clock: the
// 24-hour and 1-hour emails, their windows, a visit booked late, reminders turned off, a moved
// and a cancelled visit, two ticks at once, and no health information in any of them.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { bookAppointment } from '@/lib/data/appointments';
import { runAppointmentReminders } from '@/lib/data/appointments/reminders';
import { TICKS } from '@/lib/jobs/ticks';
import { createCareTeam, viewerFor } from '@/tests/factories';

type Team = Awaited<ReturnType<typeof createCareTeam>>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The visit of every test: Tuesday 9 June 2026, 10:00 in New York. */
const START = new Date('2026-06-09T14:00:00Z');
const before = (ms: number) => new Date(START.getTime() - ms);

async function visit(
  options: { bookedAt?: Date; startsAt?: Date; team?: Team } = {},
): Promise<{ t: Team; id: string }> {
  const t = options.team ?? (await createCareTeam(db, { passwordHash: null }));
  const bookedAt = options.bookedAt ?? before(3 * 24 * HOUR);
  const booked = await bookAppointment(
    viewerFor(t.therapist),
    {
      patientId: t.patient.id,
      clinicianId: t.therapist.id,
      startsAt: (options.startsAt ?? START).toISOString(),
      durationMinutes: 50,
      kind: 'THERAPY',
      modality: 'VIDEO',
      videoUrl: 'https://meet.example.test/room-42',
      timeZone: 'America/New_York',
    },
    undefined,
    bookedAt,
  );
  // bookAppointment stamps the real clock; the visit was booked at `bookedAt` of the moved one.
  await db.appointment.update({ where: { id: booked.id }, data: { createdAt: bookedAt } });
  return { t, id: booked.id };
}

const tick = (t: Team, at: Date) =>
  runAppointmentReminders(at, { organizationId: t.organization.id });

const keys = async (t: Team) =>
  (
    await db.emailOutbox.findMany({
      where: { organizationId: t.organization.id, purpose: 'APPOINTMENT_REMINDER' },
      orderBy: { createdAt: 'asc' },
      select: { dedupeKey: true },
    })
  ).map((e) => e.dedupeKey);

describe('appointment reminders', () => {
  it('emails the patient 24 hours and 1 hour before, once each', async () => {
    const { t, id } = await visit();
    expect(await tick(t, before(24 * HOUR + MINUTE))).toBe(0); // not due yet
    expect(await tick(t, before(24 * HOUR))).toBe(1);
    expect(await tick(t, before(24 * HOUR - MINUTE))).toBe(0); // once
    expect(await tick(t, before(3 * HOUR))).toBe(0);
    expect(await tick(t, before(90 * MINUTE))).toBe(0); // between the two
    expect(await tick(t, before(HOUR))).toBe(1);
    expect(await tick(t, before(30 * MINUTE))).toBe(0);
    expect(await keys(t)).toEqual([
      `appointment:${id}:24h:${START.toISOString()}`,
      `appointment:${id}:1h:${START.toISOString()}`,
    ]);
    const rows = await db.emailOutbox.findMany({
      where: { organizationId: t.organization.id, purpose: 'APPOINTMENT_REMINDER' },
    });
    expect(rows.every((r) => r.recipientId === t.patient.userId)).toBe(true);
  });

  it('sends a late reminder within its window, and none past it', async () => {
    const late = await visit();
    // The runner was down: the 24-hour reminder still goes 3 hours before, the 1-hour one at 20 min.
    expect(await tick(late.t, before(3 * HOUR))).toBe(1);
    expect(await tick(late.t, before(20 * MINUTE))).toBe(1);

    const tooLate = await visit();
    expect(await tick(tooLate.t, before(2 * HOUR))).toBe(0); // the 24-hour window has closed
    expect(await tick(tooLate.t, before(15 * MINUTE))).toBe(0); // so has the 1-hour one
    expect(await tick(tooLate.t, before(5 * MINUTE))).toBe(0);
    expect(await keys(tooLate.t)).toEqual([]);
  });

  it('skips the 24-hour reminder of a visit booked less than 24 hours ahead', async () => {
    const { t, id } = await visit({ bookedAt: before(20 * HOUR) });
    expect(await tick(t, before(20 * HOUR - MINUTE))).toBe(0);
    expect(await tick(t, before(3 * HOUR))).toBe(0);
    expect(await tick(t, before(HOUR))).toBe(1);
    expect(await keys(t)).toEqual([`appointment:${id}:1h:${START.toISOString()}`]);
  });

  it('sends nothing when the patient turned appointment reminders off', async () => {
    const { t } = await visit();
    await db.reminderSettings.create({
      data: {
        patientId: t.patient.id,
        organizationId: t.organization.id,
        appointmentReminders: false,
      },
    });
    expect(await tick(t, before(24 * HOUR))).toBe(0);
    expect(await tick(t, before(HOUR))).toBe(0);
    // Other reminders off, these on: they go.
    await db.reminderSettings.update({
      where: { patientId: t.patient.id },
      data: { appointmentReminders: true, checkInReminder: false },
    });
    expect(await tick(t, before(50 * MINUTE))).toBe(1);
  });

  it('reminds of a moved visit again, for its new time; never of a cancelled one', async () => {
    const { t, id } = await visit();
    expect(await tick(t, before(24 * HOUR))).toBe(1);
    // Moved a day later (the change write sets startsAt and endsAt).
    const moved = new Date(START.getTime() + 24 * HOUR);
    await db.appointment.update({
      where: { id },
      data: { startsAt: moved, endsAt: new Date(moved.getTime() + 50 * MINUTE), version: 2 },
    });
    expect(await tick(t, before(HOUR))).toBe(0); // nothing at the old time
    expect(await tick(t, new Date(moved.getTime() - 24 * HOUR))).toBe(1);
    expect(await keys(t)).toEqual([
      `appointment:${id}:24h:${START.toISOString()}`,
      `appointment:${id}:24h:${moved.toISOString()}`,
    ]);

    await db.appointment.update({
      where: { id },
      data: {
        status: 'CANCELLED',
        cancelledAt: new Date(moved.getTime() - 2 * HOUR),
        cancelledById: t.therapist.id,
        cancelReason: 'Clinician unwell.',
      },
    });
    expect(await tick(t, new Date(moved.getTime() - HOUR))).toBe(0);
    const noShow = await visit({ team: t, startsAt: new Date(START.getTime() + 3 * 24 * HOUR) });
    await db.appointment.update({ where: { id: noShow.id }, data: { status: 'CHECKED_IN' } });
    expect(await tick(t, new Date(START.getTime() + 2 * 24 * HOUR))).toBe(0); // not SCHEDULED
  });

  it('queues each reminder once when two ticks run at the same moment', async () => {
    const { t } = await visit();
    const results = await Promise.all([
      tick(t, before(24 * HOUR)),
      tick(t, before(24 * HOUR)),
      tick(t, before(24 * HOUR)),
    ]);
    expect(results.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await keys(t)).toHaveLength(1);
  });

  it('says nothing about the visit or the patient in the email', async () => {
    const { t } = await visit();
    await tick(t, before(24 * HOUR));
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { organizationId: t.organization.id, purpose: 'APPOINTMENT_REMINDER' },
    });
    const patient = await db.user.findUniqueOrThrow({ where: { id: t.patient.userId } });
    const words = `${email.subject}\n${email.text}\n${email.html}`;
    for (const secret of [
      patient.name,
      t.therapist.name,
      'Therapy',
      'THERAPY',
      'room-42',
      'meet.example.test',
      '10:00',
      'June',
      '2026',
    ]) {
      expect(words, secret).not.toContain(secret);
    }
    expect(words).toContain('/my-care/appointments');
  });

  it('runs with the other ticks of the job runner', () => {
    expect(TICKS.map((t) => t.name)).toContain('appointment-reminders');
  });
});
