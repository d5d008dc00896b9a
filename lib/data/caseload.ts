import 'server-only';
import { db } from '@/lib/db';
import { authorize, recordListAccess } from '@/lib/data/audit';
import { patientsInScope } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';

import { toIsoDate } from '@/lib/format';

/** A clinician's caseload is at most a few hundred patients: a few pages at most. */
export const CASELOAD_PAGE_SIZE = 100;

export type CaseloadPatient = {
  id: string;
  name: string;
  /** `YYYY-MM-DD` */
  dateOfBirth: string;
  /** `YYYY-MM-DD` of the newest check-in (the patient's local date), or null when none yet. */
  lastCheckInDate: string | null;
  latestPhq9: { score: number; severity: string; completedAt: string } | null;
};

export type Caseload = {
  patients: CaseloadPatient[];
  total: number;
  page: number;
  pageSize: number;
};

type LatestRow = {
  patientId: string;
  lastCheckIn: Date | string | null;
  phq9Score: number | null;
  phq9Severity: string | null;
  phq9CompletedAt: Date | string | null;
};

function isoDateOf(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : toIsoDate(value);
}

function isoTimeOf(value: Date | string): string {
  return new Date(value).toISOString();
}

/**
 * Prescribers and therapists: the patients of their own active care teams, a page at a time, with
 * each one's last check-in and latest PHQ-9. Audited as one read of the caseload.
 */
export async function listCaseload(
  viewer: Viewer,
  options: { page?: number } = {},
): Promise<Caseload> {
  // SECURITY: the caseload is a clinician's view; admins list patients elsewhere, without
  // clinical content (minimum necessary).
  await authorize(viewer, 'caseload.read', { action: 'read', resourceType: 'caseload' });

  return db.$transaction(async (tx) => {
    // SECURITY: scope in the query (active care-team membership inside the organization).
    const inScope = patientsInScope(viewer);
    const total = await tx.patient.count({ where: inScope });
    const lastPage = Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1)), lastPage);

    const patients = await tx.patient.findMany({
      where: inScope,
      select: { id: true, dateOfBirth: true, account: { select: { name: true } } },
      orderBy: [{ account: { name: 'asc' } }, { id: 'asc' }],
      skip: (page - 1) * CASELOAD_PAGE_SIZE,
      take: CASELOAD_PAGE_SIZE,
    });

    // One query for the whole page, whatever its size: each lateral subquery is a single index
    // probe (CheckIn by patientId+localDate, Assessment by patientId+instrument+completedAt).
    const ids = patients.map((p) => p.id);
    const latest =
      ids.length === 0
        ? []
        : await tx.$queryRaw<LatestRow[]>`
            SELECT p.id::text AS "patientId",
                   c."localDate" AS "lastCheckIn",
                   a.score AS "phq9Score",
                   a.severity AS "phq9Severity",
                   a."completedAt" AS "phq9CompletedAt"
            FROM unnest(${ids}::uuid[]) AS p(id)
            LEFT JOIN LATERAL (
              SELECT "localDate" FROM "CheckIn"
              WHERE "patientId" = p.id AND "organizationId" = ${viewer.organizationId}::uuid
              ORDER BY "localDate" DESC
              LIMIT 1
            ) c ON true
            LEFT JOIN LATERAL (
              SELECT score, severity, "completedAt" FROM "Assessment"
              WHERE "patientId" = p.id AND "organizationId" = ${viewer.organizationId}::uuid
                AND instrument = 'PHQ9'
              ORDER BY "completedAt" DESC
              LIMIT 1
            ) a ON true`;
    const latestById = new Map(latest.map((row) => [row.patientId, row]));

    await recordListAccess(tx, viewer, 'read', 'caseload', ids, `page ${page} of the caseload`);

    return {
      total,
      page,
      pageSize: CASELOAD_PAGE_SIZE,
      patients: patients.map((p) => {
        const row = latestById.get(p.id);
        return {
          id: p.id,
          name: p.account.name,
          dateOfBirth: toIsoDate(p.dateOfBirth),
          lastCheckInDate: row?.lastCheckIn ? isoDateOf(row.lastCheckIn) : null,
          latestPhq9:
            row?.phq9Score != null && row.phq9Severity && row.phq9CompletedAt
              ? {
                  score: Number(row.phq9Score),
                  severity: row.phq9Severity,
                  completedAt: isoTimeOf(row.phq9CompletedAt),
                }
              : null,
        };
      }),
    };
  });
}
