import { created, handle, ok, readBody, readQuery } from '@/lib/api/handler';
import { listCheckIns, recordCheckIn } from '@/lib/data/check-ins';
import { CheckInInput, CheckInListQuery } from '@/lib/schemas/check-ins';

export const GET = handle<{ patientId: string }>(async (request, { params, viewer }) =>
  ok(await listCheckIns(viewer, params.patientId, readQuery(request, CheckInListQuery))),
);

export const POST = handle<{ patientId: string }>(
  async (request, { params, viewer, idempotency }) => {
    const input = await readBody(request, CheckInInput);
    const result = await recordCheckIn(viewer, params.patientId, input, idempotency);
    return result.updated ? ok(result) : created(result);
  },
);
