import { handle, ok, readBody } from '@/lib/api/handler';
import { disableOwnSecondFactor } from '@/lib/data/second-factor';
import { SecondFactorCodeInput } from '@/lib/schemas/security';

export const POST = handle(async (request, { viewer }) =>
  ok(await disableOwnSecondFactor(viewer, await readBody(request, SecondFactorCodeInput))),
);
