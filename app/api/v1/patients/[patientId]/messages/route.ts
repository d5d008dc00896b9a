import { created, handle, ok, readBody, readQuery } from '@/lib/api/handler';
import { listMessages, postMessage } from '@/lib/data/messages';
import { MessageInput, MessageListQuery } from '@/lib/schemas/messages';

export const GET = handle<{ patientId: string }>(async (request, { params, viewer }) =>
  ok(await listMessages(viewer, params.patientId, readQuery(request, MessageListQuery))),
);

export const POST = handle<{ patientId: string }>(
  async (request, { params, viewer, idempotency }) =>
    created(
      await postMessage(
        viewer,
        params.patientId,
        await readBody(request, MessageInput),
        idempotency,
      ),
    ),
);
