import { created, handle, readBody } from '@/lib/api/handler';
import { addAddendum } from '@/lib/data/session-notes';
import { AddendumInput } from '@/lib/schemas/session-notes';

export const POST = handle<{ patientId: string; noteId: string }>(
  async (request, { params, viewer, idempotency }) => {
    const input = await readBody(request, AddendumInput);
    return created(await addAddendum(viewer, params.patientId, params.noteId, input, idempotency));
  },
);
