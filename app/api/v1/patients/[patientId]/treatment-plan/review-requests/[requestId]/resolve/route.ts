import { handle, ok } from '@/lib/api/handler';
import { resolvePlanReview } from '@/lib/data/treatment-plans';

export const POST = handle<{ patientId: string; requestId: string }>(
  async (_request, { params, viewer }) =>
    ok(await resolvePlanReview(viewer, params.patientId, params.requestId)),
);
