import { z } from 'zod';
import { ROLES } from '@/lib/schemas/enums';
import { AuditOutcome } from '@/lib/schemas/access-log';
import { Id, IsoDateTime, Page, pagingFields } from '@/lib/schemas/common';

/** GET /api/v1/audit-events query: every filter optional; `from` inclusive, `to` exclusive. */
export const AuditEventQuery = z
  .strictObject({
    patientId: Id.optional(),
    actorId: Id.optional(),
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    ...pagingFields,
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    path: ['to'],
    message: 'Must not be before `from`.',
  });
export type AuditEventQuery = z.infer<typeof AuditEventQuery>;

/** One audit event, every column as plain data, with the names of its actor and patient. */
export const AuditEventRow = z.object({
  id: Id,
  /** Position in the organization's hash chain (a 64-bit integer, as text). */
  seq: z.string(),
  organizationId: Id.nullable(),
  actorId: Id.nullable(),
  actorRole: z.enum(ROLES).nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  patientId: Id.nullable(),
  /** A list view: every patient it showed (`patientId` is then null). */
  patientIds: z.array(Id),
  outcome: AuditOutcome,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  /** The X-Request-Id the client sent, if any; `requestId` is the server's own. */
  clientRequestId: z.string().nullable(),
  detail: z.string().nullable(),
  /** A poll or refetch, not a person's action (the client's X-Triad-Activity mark). */
  background: z.boolean(),
  /** For a background read: the foreground event it repeats (left out of the patient's log). */
  repeatOfId: Id.nullable(),
  occurredAt: IsoDateTime,
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
  actorName: z.string().nullable(),
  patientName: z.string().nullable(),
});
export type AuditEventRow = z.infer<typeof AuditEventRow>;

export const AuditEventPage = Page(AuditEventRow);
export type AuditEventPage = z.infer<typeof AuditEventPage>;
