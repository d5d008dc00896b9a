import 'server-only';
import { notifyPlanComment } from '@/lib/data/notifications/events';
import type { Prisma } from '@/prisma/generated/client';
import type { Viewer } from '@/lib/auth/viewer';
import { idempotent } from '@/lib/data/idempotency';
import { withPatientAccess } from '@/lib/data/patient-access';
import { patientScope } from '@/lib/data/scope';
import { authoredBy, newestFirstPage, patientList } from '@/lib/data/recipes';
import { currentPlanVersion } from '@/lib/data/treatment-plans/current';
import { personSelect } from '@/lib/data/selects';
import { NotFoundError } from '@/lib/errors';
import type { Idempotency } from '@/lib/idempotency';
import {
  PlanCommentListQuery,
  type PlanComment,
  type PlanCommentList,
} from '@/lib/schemas/treatment-plan';

const commentSelect = {
  id: true,
  body: true,
  createdAt: true,
  author: { select: personSelect },
  planVersion: { select: { version: true } },
} as const satisfies Prisma.PlanCommentSelect;

function toComment(
  row: Prisma.PlanCommentGetPayload<{ select: typeof commentSelect }>,
): PlanComment {
  return {
    id: row.id,
    version: row.planVersion.version,
    author: row.author,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The patient and clinicians on the team: comments on the plan, newest first. */
export const listPlanComments = patientList(
  PlanCommentListQuery,
  { permission: 'treatmentPlan.read', action: 'list', resourceType: 'planComment' },
  async (tx, patient, { cursor, limit }): Promise<PlanCommentList> => {
    const scope = patientScope(patient);
    return newestFirstPage(
      tx.planComment,
      { where: scope, field: 'createdAt', select: commentSelect, cursor, limit },
      toComment,
    );
  },
);

/**
 * The patient, and clinicians on the team replying (treatmentPlan.comment): a comment on the
 * current version. NotFoundError before the first version.
 */
export async function addPlanComment(
  viewer: Viewer,
  patientId: string,
  input: { body: string },
  idempotency?: Idempotency,
): Promise<PlanComment> {
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'treatmentPlan.comment', action: 'comment', resourceType: 'treatmentPlan' },
    (tx, patient) =>
      idempotent(tx, viewer, idempotency, input, async () => {
        const current = await currentPlanVersion(tx, patient, { id: true });
        if (!current) throw new NotFoundError('treatment plan');
        const row = await tx.planComment.create({
          data: {
            ...authoredBy(viewer, patient),
            planVersionId: current.version.id,
            body: input.body,
          },
          select: commentSelect,
        });
        await notifyPlanComment(tx, patient, {
          id: row.id,
          authorId: viewer.userId,
          byPatient: viewer.role === 'PATIENT',
        });
        return toComment(row);
      }),
    (comment) => comment.id,
  );
}
