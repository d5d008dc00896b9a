import { created, handle, readBody } from '@/lib/api/handler';
import { requestPlanReview } from '@/lib/data/treatment-plans';
import { PlanReviewRequestInput } from '@/lib/schemas/treatment-plan';

export const POST = handle<{ patientId: string }>(
  async (request, { params, viewer, idempotency }) =>
    created(
      await requestPlanReview(
        viewer,
        params.patientId,
        await readBody(request, PlanReviewRequestInput),
        idempotency,
      ),
    ),
);
