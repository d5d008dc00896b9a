import { created, handle, ok, readBody, readQuery } from '@/lib/api/handler';
import { addPlanComment, listPlanComments } from '@/lib/data/treatment-plans';
import { PlanCommentInput, PlanCommentListQuery } from '@/lib/schemas/treatment-plan';

export const GET = handle<{ patientId: string }>(async (request, { params, viewer }) =>
  ok(await listPlanComments(viewer, params.patientId, readQuery(request, PlanCommentListQuery))),
);

export const POST = handle<{ patientId: string }>(
  async (request, { params, viewer, idempotency }) =>
    created(
      await addPlanComment(
        viewer,
        params.patientId,
        await readBody(request, PlanCommentInput),
        idempotency,
      ),
    ),
);
