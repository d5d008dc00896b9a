import { handle, ok } from '@/lib/api/handler';
import { getPatient } from '@/lib/data/patients';

export const GET = handle<{ patientId: string }>(async (_request, { params, viewer }) =>
  ok(await getPatient(viewer, params.patientId)),
);
