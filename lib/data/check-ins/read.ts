import 'server-only';
import type { Viewer } from '@/lib/auth/viewer';
import { addDays, daysBetween } from '@/lib/calendar-date';
import {
  checkInsBetween,
  currentPlanFacts,
  type PersonalMeasure,
} from '@/lib/data/check-ins/shared';
import { watchListFor } from '@/lib/clinical/monitoring-words';
import { withPatientAccess } from '@/lib/data/patient-access';
import { patientScope } from '@/lib/data/scope';
import { InvalidInputError, parseInput } from '@/lib/errors';
import { toIsoDate } from '@/lib/format';
import {
  CheckInListQuery,
  CHECK_IN_RANGE_MAX_DAYS,
  type CheckIn,
  type CheckInList,
} from '@/lib/schemas/check-ins';

/**
 * The patient and clinicians on their team: check-ins from `from` to `to` (default the last 30
 * days; at most 366 days), newest first. Admins get ForbiddenError, anyone else NotFoundError.
 */
export async function listCheckIns(
  viewer: Viewer,
  patientId: string,
  query: CheckInListQuery = {},
  now: Date = new Date(),
): Promise<CheckInList> {
  const parsed = parseInput(CheckInListQuery, query);
  const to = parsed.to ?? addDays(toIsoDate(now), 1);
  const from = parsed.from ?? addDays(to, -30);
  if (daysBetween(from, to) >= CHECK_IN_RANGE_MAX_DAYS) {
    throw InvalidInputError.field(
      'from',
      `Ask for at most ${CHECK_IN_RANGE_MAX_DAYS} days at a time.`,
    );
  }
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'checkIn.read', action: 'read', resourceType: 'checkIn' },
    async (tx, patient) => {
      const plan = await currentPlanFacts(tx, patient);
      const items = await checkInsBetween(tx, patient, from, to, plan?.measures ?? []);
      return { items, from, to };
    },
  );
}

export type CheckInForm = {
  patientId: string;
  /**
   * What the prescriber asked to watch for, from the current regimen, in the patient's words
   * (lib/clinical/monitoring-words.ts), without repeats.
   */
  watchFor: string[];
  measures: PersonalMeasure[];
  /** Check-ins of the days around the server's today, so the browser finds its own today's. */
  recent: CheckIn[];
};

/**
 * The patient themself: what the check-in form offers (side effects to watch for, the plan's
 * personal measures) and the check-ins of the last two days, to update today's.
 */
export async function getCheckInForm(
  viewer: Viewer,
  patientId: string,
  now: Date = new Date(),
): Promise<CheckInForm> {
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'checkIn.create', action: 'read', resourceType: 'checkIn' },
    async (tx, patient) => {
      const plan = await currentPlanFacts(tx, patient);
      const measures = plan?.measures ?? [];
      const states = await tx.medicationState.findMany({
        where: {
          ...patientScope(patient),
          status: { in: ['ACTIVE', 'HELD'] },
        },
        orderBy: { medication: 'asc' },
        take: 100,
        select: { lastChange: { select: { monitorFor: true } } },
      });
      const watchFor = watchListFor(states.flatMap((s) => s.lastChange.monitorFor));
      const today = toIsoDate(now);
      const recent = await checkInsBetween(
        tx,
        patient,
        addDays(today, -1),
        addDays(today, 1),
        measures,
      );
      return { patientId: patient.id, watchFor, measures, recent };
    },
  );
}
