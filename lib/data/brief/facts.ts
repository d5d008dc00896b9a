import 'server-only';
import type { Tx } from '@/lib/db';
import type { ScopedPatient } from '@/lib/data/patient-access';
import type {
  Brief,
  BriefAssessment,
  BriefAverages,
  BriefScore,
  BriefSideEffect,
} from '@/lib/schemas/brief';
import { INSTRUMENTS, SEVERITIES, type Instrument, type Severity } from '@/lib/schemas/enums';

// The brief's aggregate facts (lib/data only, inside its scoped transaction): one raw query each.
// SECURITY: every raw query below is pinned to the scoped patient and its organization.

const SIDE_EFFECT_SERIES = 20;
const WORST = SEVERITIES;

type SideEffectRow = {
  name: string;
  severity: Severity;
  date: string;
  reports: number;
  worst: number;
};

/** Side effects reported since `since`, worst and most reported first, with their series. */
export async function sideEffectsSince(
  tx: Tx,
  patient: ScopedPatient,
  since: Date,
): Promise<BriefSideEffect[]> {
  const rows = await tx.$queryRaw<SideEffectRow[]>`
    SELECT name, severity::text AS severity, to_char("reportedOn", 'YYYY-MM-DD') AS date,
           reports::int AS reports, worst::int AS worst
      FROM (
        SELECT name, severity, "reportedOn",
               row_number() OVER (PARTITION BY name ORDER BY "reportedOn" DESC, id DESC) AS rn,
               count(*) OVER (PARTITION BY name) AS reports,
               max(CASE severity WHEN 'SEVERE' THEN 2 WHEN 'MODERATE' THEN 1 ELSE 0 END)
                 OVER (PARTITION BY name) AS worst
          FROM "CheckInSideEffect"
         WHERE "patientId" = ${patient.id}::uuid
           AND "organizationId" = ${patient.organizationId}::uuid
           AND "reportedOn" >= ${since}::date
      ) s
     WHERE rn <= ${SIDE_EFFECT_SERIES}
     ORDER BY worst DESC, reports DESC, name, "reportedOn"`;
  const byName = new Map<string, BriefSideEffect>();
  for (const row of rows) {
    const entry = byName.get(row.name) ?? {
      name: row.name,
      reports: row.reports,
      worst: WORST[row.worst] ?? 'MILD',
      series: [],
    };
    entry.series.push({ date: row.date, severity: row.severity });
    byName.set(row.name, entry);
  }
  return [...byName.values()];
}

const MEASURES = ['mood', 'sleepHours', 'sleepQuality', 'energy', 'focus', 'appetite'] as const;

type Averages = Record<(typeof MEASURES)[number], number | null>;

function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

function rounded(values: Averages): BriefAverages {
  return Object.fromEntries(MEASURES.map((m) => [m, round1(values[m] ?? null)])) as BriefAverages;
}

/**
 * Check-ins of the period against the period of the same length before it: counts and averages,
 * and the day of the newest check-in.
 */
export async function checkInSummary(
  tx: Tx,
  patient: ScopedPatient,
  period: { since: Date; previousStart: Date; today: Date; days: number },
): Promise<Brief['checkIns']> {
  const [row] = await tx.$queryRaw<
    ({ count: number; prevCount: number; lastCheckIn: string | null } & Record<string, number>)[]
  >`
    SELECT count(*) FILTER (WHERE current)::int AS count,
           avg(mood) FILTER (WHERE current)::float8 AS mood,
           avg("sleepHours") FILTER (WHERE current)::float8 AS "sleepHours",
           avg("sleepQuality") FILTER (WHERE current)::float8 AS "sleepQuality",
           avg(energy) FILTER (WHERE current)::float8 AS energy,
           avg(focus) FILTER (WHERE current)::float8 AS focus,
           avg(appetite) FILTER (WHERE current)::float8 AS appetite,
           count(*) FILTER (WHERE NOT current)::int AS "prevCount",
           avg(mood) FILTER (WHERE NOT current)::float8 AS "prevMood",
           avg("sleepHours") FILTER (WHERE NOT current)::float8 AS "prevSleepHours",
           avg("sleepQuality") FILTER (WHERE NOT current)::float8 AS "prevSleepQuality",
           avg(energy) FILTER (WHERE NOT current)::float8 AS "prevEnergy",
           avg(focus) FILTER (WHERE NOT current)::float8 AS "prevFocus",
           avg(appetite) FILTER (WHERE NOT current)::float8 AS "prevAppetite",
           (SELECT to_char(max(l."localDate"), 'YYYY-MM-DD') FROM "CheckIn" l
             WHERE l."patientId" = ${patient.id}::uuid
               AND l."organizationId" = ${patient.organizationId}::uuid) AS "lastCheckIn"
      FROM (
        SELECT *, "localDate" >= ${period.since}::date AS current FROM "CheckIn"
         WHERE "patientId" = ${patient.id}::uuid
           AND "organizationId" = ${patient.organizationId}::uuid
           AND "localDate" >= ${period.previousStart}::date
           AND "localDate" <= ${period.today}::date
      ) c`;
  const values = row!;
  const pick = (prefix: '' | 'prev') =>
    Object.fromEntries(
      MEASURES.map((m) => [m, values[prefix ? `prev${m[0]!.toUpperCase()}${m.slice(1)}` : m]]),
    ) as Averages;
  return {
    days: period.days,
    count: values.count,
    missedDays: Math.max(0, period.days - values.count),
    lastCheckIn: values.lastCheckIn,
    averages: rounded(pick('')),
    previous: { count: values.prevCount, averages: rounded(pick('prev')) },
  };
}

type ScoreRow = {
  instrument: Instrument;
  kind: 'recent' | 'baseline';
  score: number;
  severity: string;
  completedAt: Date;
};

function score(row: ScoreRow | undefined): BriefScore | null {
  if (!row) return null;
  return { score: row.score, severity: row.severity, completedAt: row.completedAt.toISOString() };
}

/** Each questionnaire's latest, previous and first (baseline) score, and whether one is new. */
export async function assessmentSummary(
  tx: Tx,
  patient: ScopedPatient,
  since: Date,
): Promise<BriefAssessment[]> {
  const rows = await tx.$queryRaw<ScoreRow[]>`
    SELECT instrument::text AS instrument, kind, score, severity, "completedAt"
      FROM (VALUES ('PHQ9'::"Instrument"), ('GAD7'::"Instrument")) AS i(name)
      CROSS JOIN LATERAL (
        (SELECT instrument, 'recent' AS kind, score, severity, "completedAt" FROM "Assessment"
          WHERE "patientId" = ${patient.id}::uuid
            AND "organizationId" = ${patient.organizationId}::uuid
            AND instrument = i.name
          ORDER BY "completedAt" DESC LIMIT 2)
        UNION ALL
        (SELECT instrument, 'baseline', score, severity, "completedAt" FROM "Assessment"
          WHERE "patientId" = ${patient.id}::uuid
            AND "organizationId" = ${patient.organizationId}::uuid
            AND instrument = i.name
          ORDER BY "completedAt" ASC LIMIT 1)
      ) a`;
  return INSTRUMENTS.map((instrument): BriefAssessment => {
    const recent = rows.filter((r) => r.instrument === instrument && r.kind === 'recent');
    const baselineRow = rows.find((r) => r.instrument === instrument && r.kind === 'baseline');
    const latest = score(recent[0]);
    const previous = score(recent[1]);
    const baseline = score(baselineRow);
    return {
      instrument,
      latest,
      previous,
      baseline,
      changeFromPrevious: latest && previous ? latest.score - previous.score : null,
      changeFromBaseline: latest && baseline ? latest.score - baseline.score : null,
      newInPeriod: recent[0] ? recent[0].completedAt >= since : false,
    };
  });
}
