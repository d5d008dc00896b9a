import { created, handle, readBody } from '@/lib/api/handler';
import { idempotencyKeyOf, REPLAYED_HEADER } from '@/lib/api/idempotency';
import { confirmEnrolment } from '@/lib/data/second-factor';
import { ConfirmEnrolmentInput } from '@/lib/schemas/security';

export const POST = handle(
  async (request, { viewer }) => {
    const idempotencyKey = idempotencyKeyOf(request);
    const input = await readBody(request, ConfirmEnrolmentInput);
    const { replayed, ...codes } = await confirmEnrolment(viewer, input, { idempotencyKey });
    const response = created(codes);
    if (replayed) response.headers.set(REPLAYED_HEADER, 'true');
    return response;
  },
  { duringEnrolment: true },
);
