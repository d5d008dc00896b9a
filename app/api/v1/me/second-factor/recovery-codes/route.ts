import { created, handle, readBody } from '@/lib/api/handler';
import { idempotencyKeyOf, REPLAYED_HEADER } from '@/lib/api/idempotency';
import { regenerateRecoveryCodes } from '@/lib/data/second-factor';
import { SecondFactorCodeInput } from '@/lib/schemas/security';

export const POST = handle(async (request, { viewer }) => {
  const idempotencyKey = idempotencyKeyOf(request);
  const input = await readBody(request, SecondFactorCodeInput);
  const { replayed, ...codes } = await regenerateRecoveryCodes(viewer, input, { idempotencyKey });
  const response = created(codes);
  if (replayed) response.headers.set(REPLAYED_HEADER, 'true');
  return response;
});
