import { created, handle, ok, readBody, readQuery } from '@/lib/api/handler';
import { listMedicationChanges, recordMedicationChange } from '@/lib/data/medications';
import { MedicationChangeInput, MedicationChangeQuery } from '@/lib/schemas/medications';

export const GET = handle<{ patientId: string }>(async (request, { params, viewer }) =>
  ok(
    await listMedicationChanges(
      viewer,
      params.patientId,
      readQuery(request, MedicationChangeQuery),
    ),
  ),
);

export const POST = handle<{ patientId: string }>(
  async (request, { params, viewer, idempotency }) =>
    created(
      await recordMedicationChange(
        viewer,
        params.patientId,
        await readBody(request, MedicationChangeInput),
        idempotency,
      ),
    ),
);
