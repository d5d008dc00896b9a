import { handle, ok, readQuery } from '@/lib/api/handler';
import { diffPlanVersions } from '@/lib/data/treatment-plans';
import { PlanDiffQuery } from '@/lib/schemas/treatment-plan';

export const GET = handle<{ patientId: string }>(async (request, { params, viewer }) => {
  const { from, to } = readQuery(request, PlanDiffQuery);
  return ok(await diffPlanVersions(viewer, params.patientId, from, to));
});
