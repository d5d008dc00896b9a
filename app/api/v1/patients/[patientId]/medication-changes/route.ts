import { created, handle, ok, readBody, readQuery } from '@/lib/api/handler';
import { idempotencyKeyOf, REPLAYED_HEADER } from '@/lib/api/idempotency';
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

export const POST = handle<{ patientId: string }>(async (request, { params, viewer }) => {
  const idempotencyKey = idempotencyKeyOf(request);
  const input = await readBody(request, MedicationChangeInput);
  const { change, replayed } = await recordMedicationChange(viewer, params.patientId, input, {
    idempotencyKey,
  });
  const response = created(change);
  if (replayed) response.headers.set(REPLAYED_HEADER, 'true');
  return response;
});
