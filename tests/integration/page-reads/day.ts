// Page-read rows of the clinician's day (/today, /today/week): the visits with their headlines.
import { expect } from 'vitest';
import { db } from '@/lib/db';
import { bookAppointmentsTx } from '@/lib/data/appointments/book';
import { getClinicianDay, type ClinicianDay } from '@/lib/data/appointments/day';
import type { World } from '@/tests/integration/matrix';
import { outcomes, type PageRead } from '@/tests/integration/page-reads/vocabulary';

const DAY = 86_400_000;
const booked = new WeakMap<World, Promise<Date>>();

/**
 * One visit of the world's patient with the therapist on the team, booked once per world, twenty
 * days ahead (no matrix cell books that far); its start.
 */
function visitOf(w: World): Promise<Date> {
  let start = booked.get(w);
  if (!start) {
    const startsAt = new Date(Math.ceil((Date.now() + 20 * DAY) / 3_600_000) * 3_600_000);
    start = bookAppointmentsTx(db, w.team.patient, w.team.therapist.id, {
      clinicianId: w.team.therapist.id,
      startsAt,
      durationMinutes: 50,
      kind: 'THERAPY',
      modality: 'PHONE',
      timeZone: 'America/New_York',
    }).then(() => startsAt);
    booked.set(w, start);
  }
  return start;
}

export const dayReads: PageRead[] = [
  {
    name: 'getClinicianDay',
    pages: ['today/page.tsx', 'today/week/page.tsx'],
    read: async (viewer, w) => {
      const start = await visitOf(w);
      return getClinicianDay(viewer, {
        from: new Date(start.getTime() - DAY / 2),
        to: new Date(start.getTime() + DAY / 2),
      });
    },
    // Every clinician has a day of their own; patients and admins get no clinical headline.
    expect: outcomes(
      [
        'prescriberOnTeam',
        'therapistOnTeam',
        'prescriberOffTeam',
        'therapistOffTeam',
        'otherOrgClinician',
      ],
      ['patient', 'otherPatient', 'admin'],
    ),
    // Only the therapist's own day holds the visit, with its headline.
    shows: (result, w, reader) => {
      const visits = (result as ClinicianDay).visits;
      expect(visits.map((v) => v.patient.id)).toEqual(
        reader === 'therapistOnTeam' ? [w.team.patient.id] : [],
      );
      for (const visit of visits) expect(visit.headline.scores).toHaveLength(2);
    },
    // One event for the view, naming the patients shown (none on an empty day).
    audits: 1,
  },
];
