import { handle, ok, readQuery } from '@/lib/api/handler';
import { listAccessLog } from '@/lib/data/access-log';
import { AccessLogQuery } from '@/lib/schemas/access-log';

export const GET = handle<{ patientId: string }>(async (request, { params, viewer }) =>
  ok(await listAccessLog(viewer, params.patientId, readQuery(request, AccessLogQuery))),
);
