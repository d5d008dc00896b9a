import { z } from 'zod';
import { ROLES } from '@/lib/auth/viewer';
import { Cursor, Id, IsoDateTime, Limit, Page } from '@/lib/schemas/common';

/** GET /api/v1/patients/{patientId}/access-log query. */
export const AccessLogQuery = z.strictObject({ cursor: Cursor.optional(), limit: Limit });
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

export const AuditOutcome = z.enum(['ALLOWED', 'DENIED', 'FAILED']);

/** One access to a patient's record, as the patient reads it ("who viewed my record"). */
export const AccessLogEntry = z.object({
  id: Id,
  occurredAt: IsoDateTime,
  actorName: z.string().nullable(),
  actorRole: z.enum(ROLES).nullable(),
  /** The patient themself did it. */
  isSelf: z.boolean(),
  action: z.string(),
  resourceType: z.string(),
  outcome: AuditOutcome,
  /** Plain language, addressed to the patient: "Viewed your medications". */
  summary: z.string(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

export const AccessLogPage = Page(AccessLogEntry);
export type AccessLogPage = z.infer<typeof AccessLogPage>;
