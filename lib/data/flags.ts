import 'server-only';
import type { Tx } from '@/lib/db';
import {
  flagsFor,
  NO_SHOW_DAYS,
  SEVERE_SIDE_EFFECT_DAYS,
  type Flag,
  type FlagFacts,
} from '@/lib/clinical/flags';

type FactsRow = FlagFacts & {
  patientId: string;
  phq9LatestSeverity: string | null;
  phq9LatestAt: Date | null;
};

/** What a list of patients shows of each: the flags, the last check-in day, the latest PHQ-9. */
export type PatientFacts = {
  flags: Flag[];
  /** `YYYY-MM-DD` of the newest check-in (the patient's local date), or null. */
  lastCheckIn: string | null;
  latestPhq9: { score: number; severity: string; completedAt: string } | null;
};

/**
 * The flags, last check-in and latest PHQ-9 of each of `patientIds` (already scoped by the
 * caller), in one statement whatever their number: each lateral subquery is an index probe on
 * (patientId, ...). SECURITY: callers pass only ids from a scoped query; organizationId pins every
 * subquery too.
 */
export async function factsOfPatients(
  tx: Tx,
  organizationId: string,
  patientIds: string[],
  today: Date = new Date(),
): Promise<Map<string, PatientFacts>> {
  if (patientIds.length === 0) return new Map();
  const since = new Date(today.getTime() - SEVERE_SIDE_EFFECT_DAYS * 86_400_000);
  const noShowsSince = new Date(today.getTime() - NO_SHOW_DAYS * 86_400_000);
  const rows = await tx.$queryRaw<FactsRow[]>`
    SELECT p.id::text AS "patientId",
           COALESCE(sf."open", 0) AS "openSafetyFlags",
           COALESCE(sf."unacknowledged", 0) AS "unacknowledgedSafetyFlags",
           sf."oldest" AS "oldestOpenSafetyFlagAt",
           phq."scores"[1] AS "phq9Latest", phq."scores"[2] AS "phq9Previous",
           phq."latestSeverity" AS "phq9LatestSeverity", phq."latestAt" AS "phq9LatestAt",
           gad."scores"[1] AS "gad7Latest", gad."scores"[2] AS "gad7Previous",
           (SELECT s.name FROM "CheckInSideEffect" s
             WHERE s."patientId" = p.id AND s."organizationId" = ${organizationId}::uuid
               AND s.severity = 'SEVERE' AND s."reportedOn" >= ${since}::date
             ORDER BY s."reportedOn" DESC LIMIT 1) AS "severeSideEffect",
           (SELECT to_char(c."localDate", 'YYYY-MM-DD') FROM "CheckIn" c
             WHERE c."patientId" = p.id AND c."organizationId" = ${organizationId}::uuid
             ORDER BY c."localDate" DESC LIMIT 1) AS "lastCheckIn",
           (SELECT to_char(v."reviewBy", 'YYYY-MM-DD') FROM "TreatmentPlan" t
              JOIN "TreatmentPlanVersion" v ON v."planId" = t.id AND v.version = t."currentVersion"
             WHERE t."patientId" = p.id AND t."organizationId" = ${organizationId}::uuid) AS "planReviewBy",
           (SELECT count(*)::int FROM "PlanReviewRequest" r
             WHERE r."patientId" = p.id AND r."organizationId" = ${organizationId}::uuid
               AND r."resolvedAt" IS NULL) AS "openReviewRequests",
           (SELECT count(*)::int FROM "Appointment" a
             WHERE a."patientId" = p.id AND a."organizationId" = ${organizationId}::uuid
               AND a.status = 'NO_SHOW'
               AND a."startsAt" >= ${noShowsSince} AND a."startsAt" <= ${today}) AS "recentNoShows"
      FROM unnest(${patientIds}::uuid[]) AS p(id)
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS "open",
               (count(*) FILTER (WHERE f.status = 'OPEN'))::int AS "unacknowledged",
               min(f."raisedAt") AS "oldest"
          FROM "SafetyFlag" f
         WHERE f."patientId" = p.id AND f."organizationId" = ${organizationId}::uuid
           AND f.status <> 'RESOLVED'
      ) sf ON true
      LEFT JOIN LATERAL (
        SELECT array_agg(a.score ORDER BY a."completedAt" DESC) AS scores,
               (array_agg(a.severity ORDER BY a."completedAt" DESC))[1] AS "latestSeverity",
               max(a."completedAt") AS "latestAt" FROM (
          SELECT score, severity, "completedAt" FROM "Assessment"
           WHERE "patientId" = p.id AND "organizationId" = ${organizationId}::uuid AND instrument = 'PHQ9'
           ORDER BY "completedAt" DESC LIMIT 2) a
      ) phq ON true
      LEFT JOIN LATERAL (
        SELECT array_agg(a.score ORDER BY a."completedAt" DESC) AS scores FROM (
          SELECT score, "completedAt" FROM "Assessment"
           WHERE "patientId" = p.id AND "organizationId" = ${organizationId}::uuid AND instrument = 'GAD7'
           ORDER BY "completedAt" DESC LIMIT 2) a
      ) gad ON true`;
  return new Map(
    rows.map((row) => [
      row.patientId,
      {
        flags: flagsFor(row satisfies FlagFacts, today),
        lastCheckIn: row.lastCheckIn,
        latestPhq9:
          row.phq9Latest !== null && row.phq9LatestSeverity && row.phq9LatestAt
            ? {
                score: Number(row.phq9Latest),
                severity: row.phq9LatestSeverity,
                completedAt: new Date(row.phq9LatestAt).toISOString(),
              }
            : null,
      },
    ]),
  );
}

/** The flags of each of `patientIds` (see factsOfPatients). */
export async function flagsForPatients(
  tx: Tx,
  organizationId: string,
  patientIds: string[],
  today: Date = new Date(),
): Promise<Map<string, Flag[]>> {
  const facts = await factsOfPatients(tx, organizationId, patientIds, today);
  return new Map([...facts].map(([id, f]) => [id, f.flags]));
}
