import { handle, ok } from '@/lib/api/handler';
import { resetSecondFactor } from '@/lib/data/second-factor';

export const POST = handle<{ userId: string }>(async (_request, { params, viewer }) =>
  ok(await resetSecondFactor(viewer, params.userId)),
);
