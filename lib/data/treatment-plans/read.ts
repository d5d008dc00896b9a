import 'server-only';
import type { Viewer } from '@/lib/auth/viewer';
import { withPatientAccess } from '@/lib/data/patient-access';
import { patientScope } from '@/lib/data/scope';
import { latestAcknowledgement } from '@/lib/data/treatment-plans/acknowledgements';
import { currentPlanVersion } from '@/lib/data/treatment-plans/current';
import { progressOf } from '@/lib/data/treatment-plans/progress';
import {
  activeClinicians,
  reviewRequestSelect,
  toPlanVersion,
  toReviewRequest,
  versionSelect,
} from '@/lib/data/treatment-plans/shared';
import {
  linkedKeys,
  regimenSelect,
  toPlanMedications,
} from '@/lib/data/treatment-plans/plan-medications';
import { goalStatuses } from '@/lib/clinical/goal-progress';
import { toIsoDate } from '@/lib/format';
import type { TreatmentPlanView } from '@/lib/schemas/treatment-plan';

const MAX_OPEN_REVIEW_REQUESTS = 20;

/**
 * The patient and clinicians on their active care team: the current plan version (null before the
 * first, at version 0), progress toward its measurable goals and each goal's displayed status,
 * the medications its interventions name as the regimen has them now, the patient's latest
 * acknowledgement, open review requests and the care team. NotFoundError out of scope;
 * ForbiddenError for admins.
 */
export async function getTreatmentPlan(
  viewer: Viewer,
  patientId: string,
): Promise<TreatmentPlanView> {
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'treatmentPlan.read', action: 'read', resourceType: 'treatmentPlan' },
    async (tx, patient) => {
      const careTeam = await activeClinicians(tx, patient);
      // The regimen rides on the plan's own statement (the read's statement budget).
      const current = await currentPlanVersion(tx, patient, {
        ...versionSelect,
        patient: { select: { medicationStates: regimenSelect(patient.organizationId) } },
      });
      if (!current) {
        const none = { acknowledged: null, openReviewRequests: [], progress: [], goalStatuses: [] };
        return { version: 0, plan: null, ...none, medications: [], careTeam };
      }
      const plan = toPlanVersion(current.version);
      const openReviewRequests = await tx.planReviewRequest.findMany({
        where: { ...patientScope(patient), resolvedAt: null },
        orderBy: { createdAt: 'desc' },
        take: MAX_OPEN_REVIEW_REQUESTS,
        select: reviewRequestSelect,
      });
      const progress = await progressOf(tx, patient, plan);
      return {
        version: plan.version,
        plan,
        progress,
        goalStatuses: goalStatuses(plan.goals, progress, toIsoDate(new Date())),
        medications: toPlanMedications(
          current.version.patient.medicationStates,
          linkedKeys(plan.interventions),
        ),
        acknowledged: await latestAcknowledgement(tx, patient, current.planId),
        openReviewRequests: openReviewRequests.map(toReviewRequest),
        careTeam,
      };
    },
  );
}
