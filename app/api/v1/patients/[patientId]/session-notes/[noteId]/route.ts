import { handle, ok, readBody } from '@/lib/api/handler';
import { getSessionNote, updateSessionNote } from '@/lib/data/session-notes';
import { SessionNoteInput } from '@/lib/schemas/session-notes';

type Params = { patientId: string; noteId: string };

export const GET = handle<Params>(async (_request, { params, viewer }) =>
  ok(await getSessionNote(viewer, params.patientId, params.noteId)),
);

export const PUT = handle<Params>(async (request, { params, viewer }) => {
  const input = await readBody(request, SessionNoteInput);
  return ok(await updateSessionNote(viewer, params.patientId, params.noteId, input));
});
