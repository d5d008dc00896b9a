import 'server-only';
import type { Viewer } from '@/lib/auth/viewer';
import { diffPlans } from '@/lib/clinical/plan-diff';
import { withPatientAccess } from '@/lib/data/patient-access';
import { patientScope } from '@/lib/data/scope';
import { keysetPage, patientList } from '@/lib/data/recipes';
import { personSelect } from '@/lib/data/selects';
import { findVersion } from '@/lib/data/treatment-plans/shared';
import { NotFoundError } from '@/lib/errors';
import type { PlanDiff } from '@/lib/schemas/plan-diff';
import {
  PlanVersionListQuery,
  type PlanVersion,
  type PlanVersionList,
} from '@/lib/schemas/treatment-plan';

/** The patient and clinicians on the team: the plan's versions, newest first, a page at a time. */
export const listPlanVersions = patientList(
  PlanVersionListQuery,
  { permission: 'treatmentPlan.read', action: 'list', resourceType: 'treatmentPlanVersion' },
  async (tx, patient, { cursor, limit }): Promise<PlanVersionList> => {
    const scope = patientScope(patient);
    // Version numbers are gapless and never deleted: the cursor is the last number seen.
    return keysetPage({
      cursor,
      limit,
      findKey: async (seen) => Number(seen),
      fetch: (before, take) =>
        tx.treatmentPlanVersion.findMany({
          where: { ...scope, ...(before ? { version: { lt: before } } : {}) },
          orderBy: { version: 'desc' },
          take,
          select: {
            version: true,
            createdAt: true,
            changeSummary: true,
            author: { select: personSelect },
          },
        }),
      cursorOf: (row) => String(row.version),
      toItem: (row) => ({ ...row, createdAt: row.createdAt.toISOString() }),
    });
  },
);

/** The access of a read of plan versions, audited with the versions named. */
const versionRead = (resourceId: string) =>
  ({
    permission: 'treatmentPlan.read',
    action: 'read',
    resourceType: 'treatmentPlanVersion',
    resourceId,
  }) as const;

/** The patient and clinicians on the team: one version. NotFoundError when it does not exist. */
export async function getPlanVersion(
  viewer: Viewer,
  patientId: string,
  version: number,
): Promise<PlanVersion> {
  return withPatientAccess(
    viewer,
    patientId,
    versionRead(`version ${version}`),
    async (tx, patient) => {
      const found = await findVersion(tx, patient, version);
      if (!found) throw new NotFoundError('plan version');
      return found;
    },
  );
}

/**
 * The patient and clinicians on the team: what changed from version `from` to version `to` (any
 * two, either order). NotFoundError when either does not exist.
 */
export async function diffPlanVersions(
  viewer: Viewer,
  patientId: string,
  from: number,
  to: number,
): Promise<PlanDiff> {
  return withPatientAccess(
    viewer,
    patientId,
    versionRead(`versions ${from} and ${to}`),
    async (tx, patient) => {
      const before = await findVersion(tx, patient, from);
      const after = await findVersion(tx, patient, to);
      if (!before || !after) throw new NotFoundError('plan version');
      return diffPlans(before, after);
    },
  );
}
