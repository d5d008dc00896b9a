import 'server-only';
import type { Viewer } from '@/lib/auth/viewer';
import { withPatientAccess } from '@/lib/data/patient-access';
import { keysetPage, patientList } from '@/lib/data/recipes';
import { patientScope } from '@/lib/data/scope';
import { personSelect } from '@/lib/data/selects';
import { saveSafetyPlanTx } from '@/lib/data/safety-plan/save';
import { currentSafetyPlanVersion, toSafetyPlanVersion } from '@/lib/data/safety-plan/shared';
import { activeClinicians } from '@/lib/data/treatment-plans/shared';
import { parseInput } from '@/lib/errors';
import {
  CRISIS_LINES,
  SafetyPlanInput,
  SafetyPlanVersionListQuery,
  type SafetyPlanContent,
  type SafetyPlanVersion,
  type SafetyPlanVersionList,
  type SafetyPlanView,
} from '@/lib/schemas/safety-plan';

/**
 * The patient, and prescribers and therapists on their active care team: the current version of
 * the safety plan (null before the first, at version 0), the active care team and the crisis
 * lines (988, 911), which every answer carries whatever was written. NotFoundError out of scope;
 * ForbiddenError for admins. Audited as a read of 'safetyPlan'.
 */
export async function getSafetyPlan(viewer: Viewer, patientId: string): Promise<SafetyPlanView> {
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'safetyPlan.read', action: 'read', resourceType: 'safetyPlan' },
    async (tx, patient) => {
      const careTeam = await activeClinicians(tx, patient);
      const crisisLines = [...CRISIS_LINES];
      const current = await currentSafetyPlanVersion(tx, patient);
      if (!current) return { version: 0, plan: null, careTeam, crisisLines };
      return {
        version: current.version,
        plan: toSafetyPlanVersion(current),
        careTeam,
        crisisLines,
      };
    },
  );
}

/**
 * The patient and therapists on their active care team (prescribers and admins get 403): writes
 * the next version of the safety plan when `expectedVersion` is still current, else
 * StalePlanError (412); a version a clinician writes tells the patient. Audited as an update
 * of 'safetyPlan', the version named.
 */
export async function saveSafetyPlan(
  viewer: Viewer,
  patientId: string,
  expectedVersion: number,
  input: SafetyPlanInput | SafetyPlanContent,
): Promise<SafetyPlanVersion> {
  const content = parseInput(SafetyPlanInput, input);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'safetyPlan.edit', action: 'update', resourceType: 'safetyPlan' },
    (tx, patient) => saveSafetyPlanTx(tx, patient, { id: viewer.userId }, expectedVersion, content),
    (saved) => `version ${saved.version}`,
  );
}

/** The patient and clinicians on the team: the safety plan's versions, newest first. */
export const listSafetyPlanVersions = patientList(
  SafetyPlanVersionListQuery,
  { permission: 'safetyPlan.read', action: 'list', resourceType: 'safetyPlan' },
  async (tx, patient, { cursor, limit }): Promise<SafetyPlanVersionList> => {
    const scope = patientScope(patient);
    // Version numbers are gapless and never deleted: the cursor is the last number seen.
    return keysetPage({
      cursor,
      limit,
      findKey: async (seen) => Number(seen),
      fetch: (before, take) =>
        tx.safetyPlanVersion.findMany({
          where: { ...scope, ...(before ? { version: { lt: before } } : {}) },
          orderBy: { version: 'desc' },
          take,
          select: {
            version: true,
            createdAt: true,
            content: true,
            author: { select: personSelect },
          },
        }),
      cursorOf: (row) => String(row.version),
      toItem: ({ content, ...row }) => ({
        ...row,
        createdAt: row.createdAt.toISOString(),
        changeNote: toSafetyPlanVersion({ ...row, content }).changeNote,
      }),
    });
  },
);
