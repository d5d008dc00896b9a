import { handle, ok } from '@/lib/api/handler';
import { getRegimen } from '@/lib/data/medications';

export const GET = handle<{ patientId: string }>(async (_request, { params, viewer }) =>
  ok(await getRegimen(viewer, params.patientId)),
);
