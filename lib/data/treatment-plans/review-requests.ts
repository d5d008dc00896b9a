import 'server-only';
import { notifyReviewRequest } from '@/lib/data/notifications/events';
import type { Viewer } from '@/lib/auth/viewer';
import { idempotent } from '@/lib/data/idempotency';
import { withPatientAccess } from '@/lib/data/patient-access';
import { patientScope } from '@/lib/data/scope';
import { currentPlanVersion } from '@/lib/data/treatment-plans/current';
import { reviewRequestSelect, toReviewRequest } from '@/lib/data/treatment-plans/shared';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { Idempotency } from '@/lib/idempotency';
import type { PlanReviewRequest } from '@/lib/schemas/treatment-plan';

/**
 * The patient only: asks the care team to revisit the plan, with a reason; raises the "review
 * requested" flag on the caseload until a clinician resolves it. NotFoundError before the first
 * version.
 */
export async function requestPlanReview(
  viewer: Viewer,
  patientId: string,
  input: { reason: PlanReviewRequest['reason']; detail?: string },
  idempotency?: Idempotency,
): Promise<PlanReviewRequest> {
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'treatmentPlan.requestReview',
      action: 'requestReview',
      resourceType: 'treatmentPlan',
    },
    (tx, patient) =>
      idempotent(tx, viewer, idempotency, input, async () => {
        const current = await currentPlanVersion(tx, patient, { id: true });
        if (!current) throw new NotFoundError('treatment plan');
        const row = await tx.planReviewRequest.create({
          data: {
            ...patientScope(patient),
            planId: current.planId,
            reason: input.reason,
            detail: input.detail ? input.detail : null,
          },
          select: reviewRequestSelect,
        });
        await notifyReviewRequest(tx, patient, { id: row.id, requestedById: viewer.userId });
        return toReviewRequest(row);
      }),
    (request) => request.id,
  );
}

/**
 * Prescribers and therapists on the team: marks the patient's review request as handled (the
 * caseload flag clears when none is left open). ConflictError when already resolved.
 */
export async function resolvePlanReview(
  viewer: Viewer,
  patientId: string,
  requestId: string,
): Promise<PlanReviewRequest> {
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'treatmentPlan.edit',
      action: 'resolveReview',
      resourceType: 'treatmentPlan',
      resourceId: requestId,
    },
    async (tx, patient) => {
      const scope = {
        id: requestId,
        ...patientScope(patient),
      };
      const resolved = await tx.planReviewRequest.updateMany({
        where: { ...scope, resolvedAt: null },
        data: { resolvedAt: new Date(), resolvedById: viewer.userId },
      });
      const row = await tx.planReviewRequest.findFirst({
        where: scope,
        select: reviewRequestSelect,
      });
      if (!row) throw new NotFoundError('review request');
      if (resolved.count === 0) throw new ConflictError('This request was already resolved.');
      return toReviewRequest(row);
    },
  );
}
