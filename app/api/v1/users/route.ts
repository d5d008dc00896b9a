import { created, handle, ok, readBody, readQuery } from '@/lib/api/handler';
import { createAccount, listUsers } from '@/lib/data/admin';
import { CreateAccountInput, UserListQuery } from '@/lib/schemas/admin';

export const GET = handle(async (request, { viewer }) =>
  ok(await listUsers(viewer, readQuery(request, UserListQuery))),
);

export const POST = handle(async (request, { viewer, idempotency }) => {
  const input = await readBody(request, CreateAccountInput);
  return created(
    await createAccount(viewer, input, { origin: request.nextUrl.origin, idempotency }),
  );
});
