import { z } from 'zod';
import { AUDIT_OUTCOMES } from '@/lib/schemas/enums';
import { Id, IsoDateTime, Page, pagingFields } from '@/lib/schemas/common';

/** GET /api/v1/patients/{patientId}/access-log query. */
export const AccessLogQuery = z.strictObject({ ...pagingFields });
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

export const AuditOutcome = z.enum(AUDIT_OUTCOMES);

/**
 * One access to a patient's record, as the patient reads it ("who viewed my record"): plain words
 * only (lib/audit-vocabulary.ts), no internal names; the admin's audit trail has those.
 */
export const AccessLogEntry = z.object({
  id: Id,
  occurredAt: IsoDateTime,
  /** "You", "Elena Rivera". */
  who: z.string(),
  /** "your prescriber", "an administrator"; null for the patient themself. */
  role: z.string().nullable(),
  /** Continues the sentence after who and role: "viewed your session notes". */
  did: z.string(),
  /** The whole sentence: "Elena Rivera, your prescriber, viewed your session notes." */
  summary: z.string(),
  outcome: z.enum(['went through', 'refused', 'did not go through']),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

export const AccessLogPage = Page(AccessLogEntry);
export type AccessLogPage = z.infer<typeof AccessLogPage>;
