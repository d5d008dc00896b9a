import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { clinicianRole, type Viewer } from '@/lib/auth/viewer';
import { withPatientAccess, type ScopedPatient } from '@/lib/data/patient-access';
import { toIsoDate } from '@/lib/format';
import {
  BriefQuery,
  type Brief,
  type BriefAssessment,
  type BriefAverages,
  type BriefMedicationChange,
  type BriefScore,
  type BriefSideEffect,
} from '@/lib/schemas/brief';
import { parseInput } from '@/lib/errors';

export type { Brief } from '@/lib/schemas/brief';

const DAY = 86_400_000;
/** Without a signed note of the viewer's, the brief looks back this many days. */
export const DEFAULT_BRIEF_DAYS = 30;
const MAX_ITEMS = 50;
const SIDE_EFFECT_SERIES = 20;

const medicationChangeSelect = {
  id: true,
  action: true,
  medication: true,
  dose: true,
  unit: true,
  frequency: true,
  effectiveDate: true,
  reason: true,
  monitorFor: true,
  noteForCareTeam: true,
  createdAt: true,
  prescriber: { select: { id: true, name: true } },
} as const satisfies Prisma.MedicationChangeSelect;

type ChangeRow = Prisma.MedicationChangeGetPayload<{ select: typeof medicationChangeSelect }>;

function toChange(row: ChangeRow): BriefMedicationChange {
  return {
    id: row.id,
    action: row.action,
    medication: row.medication,
    dose: row.dose === null ? null : Number(row.dose),
    unit: row.unit,
    frequency: row.frequency,
    effectiveDate: toIsoDate(row.effectiveDate),
    reason: row.reason,
    monitorFor: row.monitorFor,
    noteForCareTeam: row.noteForCareTeam,
    prescriber: row.prescriber,
    createdAt: row.createdAt.toISOString(),
  };
}

type CheckInRow = {
  count: number;
  mood: number | null;
  sleepHours: number | null;
  sleepQuality: number | null;
  energy: number | null;
  focus: number | null;
  appetite: number | null;
  prevCount: number;
  prevMood: number | null;
  prevSleepHours: number | null;
  prevSleepQuality: number | null;
  prevEnergy: number | null;
  prevFocus: number | null;
  prevAppetite: number | null;
  lastCheckIn: string | null;
};

type ScoreRow = {
  instrument: 'PHQ9' | 'GAD7';
  kind: 'recent' | 'baseline';
  score: number;
  severity: string;
  completedAt: Date;
};

type SideEffectRow = {
  name: string;
  severity: 'MILD' | 'MODERATE' | 'SEVERE';
  date: string;
  reports: number;
  worst: number;
};

const WORST = ['MILD', 'MODERATE', 'SEVERE'] as const;

function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

function averages(row: CheckInRow, prefix: '' | 'prev'): BriefAverages {
  const key = (name: string) =>
    (prefix ? `prev${name[0]!.toUpperCase()}${name.slice(1)}` : name) as keyof CheckInRow;
  const pick = (name: string) => round1((row[key(name)] as number | null) ?? null);
  return {
    mood: pick('mood'),
    sleepHours: pick('sleepHours'),
    sleepQuality: pick('sleepQuality'),
    energy: pick('energy'),
    focus: pick('focus'),
    appetite: pick('appetite'),
  };
}

function score(row: ScoreRow | undefined): BriefScore | null {
  if (!row) return null;
  return { score: row.score, severity: row.severity, completedAt: row.completedAt.toISOString() };
}

/**
 * Where the period starts: the `since` asked for, else the viewer's own last signed note for this
 * patient, else DEFAULT_BRIEF_DAYS ago. One query at most (an index probe).
 */
async function resolveSince(
  tx: Tx,
  viewer: Viewer,
  patient: ScopedPatient,
  since: string | undefined,
  now: Date,
): Promise<{ since: Date; source: Brief['sinceSource'] }> {
  if (since) return { since: new Date(since), source: 'QUERY' };
  const last = await tx.sessionNote.findFirst({
    where: {
      authorId: viewer.userId,
      patientId: patient.id,
      organizationId: patient.organizationId,
      status: 'SIGNED',
    },
    orderBy: { signedAt: 'desc' },
    select: { signedAt: true },
  });
  if (last?.signedAt) return { since: last.signedAt, source: 'LAST_SIGNED_NOTE' };
  return { since: new Date(now.getTime() - DEFAULT_BRIEF_DAYS * DAY), source: 'DEFAULT_30_DAYS' };
}

/**
 * Clinicians on the patient's care team: what changed since `since` (default: the viewer's last
 * signed note for this patient, else 30 days): medication changes, side effects, check-ins against
 * the period before, PHQ-9/GAD-7, plan versions, care-team messages, open safety flags.
 * A fixed number of queries whatever the history's length. Never reads psychotherapy notes.
 * NotFoundError out of scope, ForbiddenError for patients and admins; audited as a read of 'brief'.
 */
export async function getBrief(
  viewer: Viewer,
  patientId: string,
  query: z.input<typeof BriefQuery> = {},
  now: Date = new Date(),
): Promise<Brief> {
  const input = parseInput(BriefQuery, query);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'brief.read', action: 'read', resourceType: 'brief' },
    async (tx, patient) => {
      const { since, source } = await resolveSince(tx, viewer, patient, input.since, now);
      const scope = { patientId: patient.id, organizationId: patient.organizationId };
      const sinceDay = Date.parse(toIsoDate(since));
      const today = Date.parse(toIsoDate(now));
      const days = Math.max(0, Math.round((today - sinceDay) / DAY) + 1);
      const sinceDate = new Date(sinceDay);
      const todayDate = new Date(today);
      const previousStart = new Date(sinceDay - days * DAY);

      const changes = await tx.medicationChange.findMany({
        where: { ...scope, createdAt: { gte: since } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: MAX_ITEMS,
        select: medicationChangeSelect,
      });
      const before = await tx.medicationChange.findFirst({
        where: { ...scope, createdAt: { lt: since } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: medicationChangeSelect,
      });

      // SECURITY: every raw query below is pinned to the scoped patient and its organization.
      const sideEffectRows = await tx.$queryRaw<SideEffectRow[]>`
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
               AND "reportedOn" >= ${sinceDate}::date
          ) s
         WHERE rn <= ${SIDE_EFFECT_SERIES}
         ORDER BY worst DESC, reports DESC, name, "reportedOn"`;

      const [checkIn] = await tx.$queryRaw<CheckInRow[]>`
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
            SELECT *, "localDate" >= ${sinceDate}::date AS current FROM "CheckIn"
             WHERE "patientId" = ${patient.id}::uuid
               AND "organizationId" = ${patient.organizationId}::uuid
               AND "localDate" >= ${previousStart}::date
               AND "localDate" <= ${todayDate}::date
          ) c`;

      const scoreRows = await tx.$queryRaw<ScoreRow[]>`
        (SELECT instrument::text AS instrument, 'recent' AS kind, score, severity, "completedAt"
           FROM "Assessment" WHERE "patientId" = ${patient.id}::uuid
            AND "organizationId" = ${patient.organizationId}::uuid AND instrument = 'PHQ9'
          ORDER BY "completedAt" DESC LIMIT 2)
        UNION ALL
        (SELECT instrument::text, 'baseline', score, severity, "completedAt"
           FROM "Assessment" WHERE "patientId" = ${patient.id}::uuid
            AND "organizationId" = ${patient.organizationId}::uuid AND instrument = 'PHQ9'
          ORDER BY "completedAt" ASC LIMIT 1)
        UNION ALL
        (SELECT instrument::text, 'recent', score, severity, "completedAt"
           FROM "Assessment" WHERE "patientId" = ${patient.id}::uuid
            AND "organizationId" = ${patient.organizationId}::uuid AND instrument = 'GAD7'
          ORDER BY "completedAt" DESC LIMIT 2)
        UNION ALL
        (SELECT instrument::text, 'baseline', score, severity, "completedAt"
           FROM "Assessment" WHERE "patientId" = ${patient.id}::uuid
            AND "organizationId" = ${patient.organizationId}::uuid AND instrument = 'GAD7'
          ORDER BY "completedAt" ASC LIMIT 1)`;

      const planChanges = await tx.treatmentPlanVersion.findMany({
        where: { ...scope, createdAt: { gte: since } },
        orderBy: { createdAt: 'desc' },
        take: MAX_ITEMS,
        select: {
          version: true,
          changeSummary: true,
          createdAt: true,
          author: { select: { id: true, name: true } },
        },
      });
      const messages = await tx.careTeamMessage.findMany({
        where: { ...scope, createdAt: { gte: since } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: MAX_ITEMS,
        select: {
          id: true,
          body: true,
          createdAt: true,
          author: { select: { id: true, name: true, role: true } },
        },
      });
      const flags = await tx.safetyFlag.findMany({
        where: { ...scope, reviewedAt: null },
        orderBy: { raisedAt: 'desc' },
        take: MAX_ITEMS,
        select: { id: true, reason: true, raisedAt: true },
      });

      const sideEffects = new Map<string, BriefSideEffect>();
      for (const row of sideEffectRows) {
        const entry = sideEffects.get(row.name) ?? {
          name: row.name,
          reports: row.reports,
          worst: WORST[row.worst] ?? 'MILD',
          series: [],
        };
        entry.series.push({ date: row.date, severity: row.severity });
        sideEffects.set(row.name, entry);
      }

      const assessments = (['PHQ9', 'GAD7'] as const).map((instrument): BriefAssessment => {
        const recent = scoreRows.filter((r) => r.instrument === instrument && r.kind === 'recent');
        const baselineRow = scoreRows.find(
          (r) => r.instrument === instrument && r.kind === 'baseline',
        );
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

      const row = checkIn!;
      return {
        patientId: patient.id,
        since: since.toISOString(),
        sinceSource: source,
        until: now.toISOString(),
        medicationChanges: changes.reverse().map(toChange),
        lastChangeBefore: before ? toChange(before) : null,
        sideEffects: [...sideEffects.values()],
        checkIns: {
          days,
          count: row.count,
          missedDays: Math.max(0, days - row.count),
          lastCheckIn: row.lastCheckIn,
          averages: averages(row, ''),
          previous: { count: row.prevCount, averages: averages(row, 'prev') },
        },
        assessments,
        planChanges: planChanges.reverse().map((v) => ({
          version: v.version,
          changeSummary: v.changeSummary,
          author: v.author,
          createdAt: v.createdAt.toISOString(),
        })),
        messages: messages.reverse().map((m) => ({
          id: m.id,
          body: m.body,
          createdAt: m.createdAt.toISOString(),
          author: {
            id: m.author.id,
            name: m.author.name,
            role: clinicianRole(m.author.role),
          },
        })),
        openSafetyFlags: flags.map((f) => ({
          id: f.id,
          reason: f.reason,
          raisedAt: f.raisedAt.toISOString(),
        })),
      };
    },
  );
}
