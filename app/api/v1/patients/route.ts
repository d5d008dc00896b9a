import { handle, ok, readQuery } from '@/lib/api/handler';
import { listPatients } from '@/lib/data/patients';
import { PatientListQuery } from '@/lib/schemas/patients';

export const GET = handle(async (request, { viewer }) =>
  ok(await listPatients(viewer, readQuery(request, PatientListQuery))),
);
