import { handle, ok, readQuery } from '@/lib/api/handler';
import { listAuditEvents } from '@/lib/data/audit-events';
import { AuditEventQuery } from '@/lib/schemas/audit-events';

export const GET = handle(async (request, { viewer }) =>
  ok(await listAuditEvents(viewer, readQuery(request, AuditEventQuery))),
);
