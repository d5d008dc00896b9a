import { handle, ok } from '@/lib/api/handler';
import { qrCodeDataUrl } from '@/lib/auth/second-factor';
import { startEnrolment } from '@/lib/data/second-factor';
import type { EnrolmentStart } from '@/lib/schemas/security';

export const POST = handle(
  async (_request, { viewer }) => {
    const { secret, otpauthUri } = await startEnrolment(viewer);
    return ok({
      secret,
      otpauthUri,
      qrCode: await qrCodeDataUrl(otpauthUri),
    } satisfies EnrolmentStart);
  },
  { duringEnrolment: true },
);
