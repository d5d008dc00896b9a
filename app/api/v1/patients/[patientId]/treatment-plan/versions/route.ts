import { handle, ok, readQuery } from '@/lib/api/handler';
import { listPlanVersions } from '@/lib/data/treatment-plans';
import { PlanVersionListQuery } from '@/lib/schemas/treatment-plan';

export const GET = handle<{ patientId: string }>(async (request, { params, viewer }) =>
  ok(await listPlanVersions(viewer, params.patientId, readQuery(request, PlanVersionListQuery))),
);
