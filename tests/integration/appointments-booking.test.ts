// Booking through lib/data: the clinician's lock makes exactly one of 20 concurrent attempts at
// one slot succeed; a weekly series keeps its local time across the daylight-saving changes of
// America/New_York (2026-03-08 and 2026-11-01); the clinician must be on the patient's team.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { bookAppointment } from '@/lib/data/appointments';
import { ConflictError, InvalidInputError } from '@/lib/errors';
import { createCareTeam, createUser, viewerFor } from '@/tests/factories';
import { wallClock } from '@/lib/zoned-time';

const NY = 'America/New_York';
const base = { durationMinutes: 50, kind: 'THERAPY', modality: 'PHONE' } as const;
const EARLY = new Date('2026-01-01T00:00:00Z');

describe('booking an appointment', () => {
  it('gives exactly one success to 20 concurrent attempts at the same slot', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const therapist = viewerFor(team.therapist);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        bookAppointment(
          therapist,
          {
            ...base,
            patientId: team.patient.id,
            clinicianId: team.therapist.id,
            // Overlapping starts: 10:00, 10:01, ... all inside one 50-minute visit.
            startsAt: new Date(Date.UTC(2026, 5, 1, 14, i % 5)).toISOString(),
          },
          undefined,
          EARLY,
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(
      await db.appointment.count({
        where: { clinicianId: team.therapist.id, status: 'SCHEDULED' },
      }),
    ).toBe(1);
  });

  it('keeps 10:00 on the New York clock across both daylight-saving changes of 2026', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const prescriber = viewerFor(team.prescriber);
    const spring = await bookAppointment(
      prescriber,
      {
        ...base,
        patientId: team.patient.id,
        clinicianId: team.prescriber.id,
        startsAt: '2026-03-02T15:00:00Z', // Monday 10:00 EST
        timeZone: NY,
        repeat: { frequency: 'WEEKLY', count: 3 },
      },
      undefined,
      EARLY,
    );
    const fall = await bookAppointment(
      prescriber,
      {
        ...base,
        patientId: team.patient.id,
        clinicianId: team.prescriber.id,
        startsAt: '2026-10-19T14:00:00Z', // Monday 10:00 EDT
        timeZone: NY,
        repeat: { frequency: 'BIWEEKLY', until: '2026-11-16' },
      },
      undefined,
      EARLY,
    );
    for (const first of [spring, fall]) {
      const rows = await db.appointment.findMany({
        where: { seriesId: first.series!.id },
        orderBy: { startsAt: 'asc' },
      });
      expect(rows.map((r) => wallClock(NY, r.startsAt).hour)).toEqual(rows.map(() => 10));
      expect(rows.map((r) => r.endsAt.getTime() - r.startsAt.getTime())).toEqual(
        rows.map(() => 50 * 60_000),
      );
    }
    const springStarts = await db.appointment.findMany({
      where: { seriesId: spring.series!.id },
      orderBy: { startsAt: 'asc' },
    });
    expect(springStarts.map((r) => r.startsAt.toISOString())).toEqual([
      '2026-03-02T15:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
      '2026-03-16T14:00:00.000Z',
    ]);
    expect(fall.series!.rrule).toMatch(/^FREQ=WEEKLY;INTERVAL=2;UNTIL=/);
    expect(await db.appointment.count({ where: { seriesId: fall.series!.id } })).toBe(3); // Oct 19, Nov 2, Nov 16
  });

  it('refuses a clinician who is not on the patient’s care team (400), booking nothing', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const outsider = await createUser(db, team.organization, { role: 'THERAPIST' });
    await expect(
      bookAppointment(
        viewerFor(team.prescriber),
        {
          ...base,
          patientId: team.patient.id,
          clinicianId: outsider.id,
          startsAt: '2026-06-01T14:00:00Z',
        },
        undefined,
        EARLY,
      ),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await db.appointment.count({ where: { patientId: team.patient.id } })).toBe(0);
  });
});
