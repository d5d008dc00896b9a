import { created, handle, readBody } from '@/lib/api/handler';
import { regenerateRecoveryCodes } from '@/lib/data/second-factor';
import { SecondFactorCodeInput } from '@/lib/schemas/security';

export const POST = handle(async (request, { viewer, idempotency }) =>
  created(
    await regenerateRecoveryCodes(
      viewer,
      await readBody(request, SecondFactorCodeInput),
      idempotency,
    ),
  ),
);
