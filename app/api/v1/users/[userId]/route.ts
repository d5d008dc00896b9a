import { handle, ok, readBody } from '@/lib/api/handler';
import { getAccount, updateAccount } from '@/lib/data/admin';
import { UpdateAccountInput } from '@/lib/schemas/admin';

export const GET = handle<{ userId: string }>(async (_request, { params, viewer }) =>
  ok({ user: await getAccount(viewer, params.userId) }),
);

export const PATCH = handle<{ userId: string }>(async (request, { params, viewer }) => {
  const input = await readBody(request, UpdateAccountInput);
  return ok({ user: await updateAccount(viewer, params.userId, input) });
});
