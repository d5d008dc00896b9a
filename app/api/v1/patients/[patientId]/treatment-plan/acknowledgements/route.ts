import { handle, ok, readBody } from '@/lib/api/handler';
import { acknowledgeTreatmentPlan } from '@/lib/data/treatment-plans';
import { AcknowledgePlanInput } from '@/lib/schemas/treatment-plan';

export const POST = handle<{ patientId: string }>(
  async (request, { params, viewer, idempotency }) =>
    ok(
      await acknowledgeTreatmentPlan(
        viewer,
        params.patientId,
        await readBody(request, AcknowledgePlanInput),
        idempotency,
      ),
    ),
);
