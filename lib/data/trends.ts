import 'server-only';
import { markerLabel } from '@/lib/clinical/medication-wording';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { audienceOf } from '@/lib/auth/policy';
import { addDays, fromIsoDate } from '@/lib/calendar-date';
import { checkInRatings, currentPlanFacts, type PersonalMeasure } from '@/lib/data/check-ins';
import { withPatientAccess } from '@/lib/data/patient-access';
import { type ScopedPatient, patientScope } from '@/lib/data/scope';
import { daysBetween } from '@/lib/data/recipes';
import { toIsoDate } from '@/lib/format';
import type { TrendPeriod } from '@/lib/schemas/check-ins';

export type TrendCheckIn = {
  /** `YYYY-MM-DD` */
  date: string;
  mood: number;
  sleepHours: number | null;
  sleepQuality: number | null;
  appetite: number | null;
  energy: number | null;
  focus: number | null;
};

export type TrendScore = { date: string; score: number; severity: string };

export type MedicationMarker = { date: string; label: string };

export type MeasureTrend = PersonalMeasure & { points: { date: string; value: number }[] };

export type Trends = {
  days: TrendPeriod;
  /** `YYYY-MM-DD`, inclusive */
  from: string;
  to: string;
  checkIns: TrendCheckIn[];
  phq9: TrendScore[];
  gad7: TrendScore[];
  markers: MedicationMarker[];
  measures: MeasureTrend[];
};

// A period is at most 366 days: one check-in a day, a questionnaire every few days at most.
const MAX_ROWS = 400;

/** Medication changes of a date range as chart markers (lib/data only, inside a scoped transaction). */
export async function medicationMarkers(
  tx: Tx,
  patient: ScopedPatient,
  from: string,
  to: string,
): Promise<MedicationMarker[]> {
  // Along the (patientId, effectiveDate) index; entries marked as mistakes are not events.
  const changes = await tx.medicationChange.findMany({
    where: {
      ...patientScope(patient),
      effectiveDate: daysBetween(from, to),
      action: { not: 'ENTERED_IN_ERROR' },
      correctedBy: { is: null },
    },
    orderBy: [{ effectiveDate: 'asc' }, { createdAt: 'asc' }],
    take: MAX_ROWS,
    select: {
      action: true,
      medication: true,
      dose: true,
      unit: true,
      effectiveDate: true,
      previousChange: { select: { action: true, dose: true } },
    },
  });
  return changes.map((c) => ({ date: toIsoDate(c.effectiveDate), label: markerLabel(c) }));
}

type Scope = { patientId: string; organizationId: string };
type Range = { from: string; to: string };

/** The check-ins of the range, oldest first (one a day at most). */
async function checkInSeries(tx: Tx, scope: Scope, { from, to }: Range): Promise<TrendCheckIn[]> {
  const rows = await tx.checkIn.findMany({
    where: { ...scope, localDate: daysBetween(from, to) },
    orderBy: { localDate: 'asc' },
    take: MAX_ROWS,
    select: { localDate: true, ...checkInRatings },
  });
  return rows.map(({ localDate, sleepHours, ...c }) => ({
    date: toIsoDate(localDate),
    ...c,
    sleepHours: sleepHours === null ? null : Number(sleepHours.toString()),
  }));
}

/** The PHQ-9 and GAD-7 scores of the range, oldest first. */
async function scoreSeries(tx: Tx, scope: Scope, { from, to }: Range) {
  const rows = await tx.assessment.findMany({
    where: { ...scope, completedAt: { gte: fromIsoDate(from), lt: fromIsoDate(addDays(to, 1)) } },
    orderBy: { completedAt: 'asc' },
    take: MAX_ROWS,
    select: { instrument: true, score: true, severity: true, completedAt: true },
  });
  const of = (instrument: 'PHQ9' | 'GAD7'): TrendScore[] =>
    rows
      .filter((a) => a.instrument === instrument)
      .map((a) => ({ date: toIsoDate(a.completedAt), score: a.score, severity: a.severity }));
  return { phq9: of('PHQ9'), gad7: of('GAD7') };
}

/**
 * The current plan's personal measures, each with its values of the range; for the patient, each
 * described in their care team's words for them when there are some.
 */
async function measureSeries(
  tx: Tx,
  viewer: Viewer,
  patient: ScopedPatient,
  { from, to }: Range,
): Promise<MeasureTrend[]> {
  const forPatient = audienceOf(viewer) === 'patient';
  const measures = (await currentPlanFacts(tx, patient))?.measures ?? [];
  if (measures.length === 0) return [];
  const values = await tx.checkInMeasureValue.findMany({
    where: {
      ...patientScope(patient),
      goalKey: { in: measures.map((m) => m.goalKey) },
      reportedOn: daysBetween(from, to),
    },
    orderBy: { reportedOn: 'asc' },
    take: MAX_ROWS * measures.length,
    select: { goalKey: true, value: true, reportedOn: true },
  });
  return measures.map((m) => ({
    ...m,
    description: (forPatient && m.patientWording) || m.description,
    points: values
      .filter((v) => v.goalKey === m.goalKey)
      .map((v) => ({ date: toIsoDate(v.reportedOn), value: v.value })),
  }));
}

/**
 * The patient and clinicians on their team: mood, sleep, energy, focus, appetite, PHQ-9, GAD-7
 * and the plan's personal measures over the last `days` days, with medication changes as
 * markers. Every query is bounded by the date range. Admins get ForbiddenError, anyone else
 * NotFoundError.
 */
export async function getTrends(
  viewer: Viewer,
  patientId: string,
  days: TrendPeriod,
  now: Date = new Date(),
): Promise<Trends> {
  // A day ahead of the server's date: the patient's own today may be tomorrow in UTC.
  const to = addDays(toIsoDate(now), 1);
  const range = { from: addDays(to, -days), to };
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'trends.read', action: 'read', resourceType: 'trends' },
    async (tx, patient) => {
      const scope = patientScope(patient);
      return {
        days,
        ...range,
        checkIns: await checkInSeries(tx, scope, range),
        ...(await scoreSeries(tx, scope, range)),
        markers: await medicationMarkers(tx, patient, range.from, to),
        measures: await measureSeries(tx, viewer, patient, range),
      };
    },
  );
}
