import { handle, ok, readQuery } from '@/lib/api/handler';
import { getBrief } from '@/lib/data/brief';
import { BriefQuery } from '@/lib/schemas/brief';

export const GET = handle<{ patientId: string }>(async (request, { params, viewer }) =>
  ok(await getBrief(viewer, params.patientId, readQuery(request, BriefQuery))),
);
