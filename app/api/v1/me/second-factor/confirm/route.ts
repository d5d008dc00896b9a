import { created, handle, readBody } from '@/lib/api/handler';
import { confirmEnrolment } from '@/lib/data/second-factor';
import { ConfirmEnrolmentInput } from '@/lib/schemas/security';

export const POST = handle(
  async (request, { viewer, idempotency }) =>
    created(
      await confirmEnrolment(viewer, await readBody(request, ConfirmEnrolmentInput), idempotency),
    ),
  { duringEnrolment: true },
);
