import { created, handle } from '@/lib/api/handler';
import { sendSetPasswordLink } from '@/lib/data/admin';

export const POST = handle<{ userId: string }>(async (request, { params, viewer, idempotency }) =>
  created(
    await sendSetPasswordLink(viewer, params.userId, {
      origin: request.nextUrl.origin,
      idempotency,
    }),
  ),
);
