import { handle, ok, pathId } from '@/lib/api/handler';
import { resolvePlanReview } from '@/lib/data/treatment-plans';

export const POST = handle<{ patientId: string; requestId: string }>(
  async (_request, { params, viewer }) =>
    ok(
      await resolvePlanReview(viewer, params.patientId, pathId(params.requestId, 'review request')),
    ),
);
