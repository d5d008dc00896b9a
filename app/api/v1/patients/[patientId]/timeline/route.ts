import { handle, ok, readQuery } from '@/lib/api/handler';
import { getTimeline } from '@/lib/data/timeline';
import { TimelineQuery } from '@/lib/schemas/timeline';

export const GET = handle<{ patientId: string }>(async (request, { params, viewer }) =>
  ok(await getTimeline(viewer, params.patientId, readQuery(request, TimelineQuery))),
);
