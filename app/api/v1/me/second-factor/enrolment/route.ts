import { created, handle } from '@/lib/api/handler';
import { idempotencyKeyOf, REPLAYED_HEADER } from '@/lib/api/idempotency';
import { qrCodeDataUrl } from '@/lib/auth/second-factor';
import { startEnrolment } from '@/lib/data/second-factor';
import type { EnrolmentStart } from '@/lib/schemas/security';

export const POST = handle(
  async (request, { viewer }) => {
    const idempotencyKey = idempotencyKeyOf(request);
    const { secret, otpauthUri, replayed } = await startEnrolment(viewer, { idempotencyKey });
    const response = created({
      secret,
      otpauthUri,
      qrCode: await qrCodeDataUrl(otpauthUri),
    } satisfies EnrolmentStart);
    if (replayed) response.headers.set(REPLAYED_HEADER, 'true');
    return response;
  },
  { duringEnrolment: true },
);
