import { handle, ok } from '@/lib/api/handler';
import { disableAccount } from '@/lib/data/admin';

export const POST = handle<{ userId: string }>(async (_request, { params, viewer }) =>
  ok({ user: await disableAccount(viewer, params.userId) }),
);
