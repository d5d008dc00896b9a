import { handle, ok, readBody } from '@/lib/api/handler';
import { withholdSessionNote } from '@/lib/data/session-notes';
import { WithholdInput } from '@/lib/schemas/session-notes';

export const POST = handle<{ patientId: string; noteId: string }>(
  async (request, { params, viewer }) => {
    const input = await readBody(request, WithholdInput);
    return ok(await withholdSessionNote(viewer, params.patientId, params.noteId, input));
  },
);
