import { handle, ok } from '@/lib/api/handler';
import { enableAccount } from '@/lib/data/admin';

export const POST = handle<{ userId: string }>(async (_request, { params, viewer }) =>
  ok({ user: await enableAccount(viewer, params.userId) }),
);
