import { z } from 'zod';
import { AUDIT_OUTCOMES } from '@/lib/schemas/enums';
import { Id, IsoDateTime, Page, pagingFields } from '@/lib/schemas/common';

/** GET /api/v1/patients/{patientId}/access-log query. */
export const AccessLogQuery = z.strictObject({
  ...pagingFields,
  /** Only this person's accesses: with a visit's last event as `cursor`, the rest of the visit. */
  person: Id.optional(),
});
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

/** How far back the visits go: the last 7 or 30 days, or all of the log. */
export const ACCESS_LOG_PERIODS = ['7d', '30d', 'all'] as const;
export const AccessLogPeriod = z.enum(ACCESS_LOG_PERIODS);
export type AccessLogPeriod = z.infer<typeof AccessLogPeriod>;

/** GET /api/v1/patients/{patientId}/access-log/visits query. */
export const AccessLogVisitsQuery = z.strictObject({
  ...pagingFields,
  /** Only this person's visits (an id from `people`). */
  person: Id.optional(),
  period: AccessLogPeriod.default('all'),
});
export type AccessLogVisitsQuery = z.infer<typeof AccessLogVisitsQuery>;

/**
 * One visit to the patient's record: one person, one sitting (their accesses with no gap of 30
 * minutes or more), said as one sentence, with every access behind it in `events`.
 */
export const AccessLogVisit = z.object({
  /** The id of the visit's latest event: also the cursor of the page after it. */
  id: Id,
  /** The person, when known: what the `person` filter takes. */
  personId: Id.nullable(),
  who: z.string(),
  role: z.string().nullable(),
  /** "looked at your medications and your check-ins, and recorded a change to your medications". */
  did: z.string(),
  summary: z.string(),
  startedAt: IsoDateTime,
  endedAt: IsoDateTime,
  /** How many of the accesses were refused or did not go through. */
  refused: z.number().int(),
  /** The patient's own visit (only in an admin's view; the patient's own view leaves them out). */
  byPatient: z.boolean(),
  /** How many accesses the visit holds. */
  eventCount: z.number().int(),
  /**
   * Its accesses, newest first: all of them, or the newest 50 when `eventCount` is more; the rest
   * are GET …/access-log?person={personId}&cursor={the last of these}, back to `startedAt`.
   */
  events: z.array(AccessLogEntry),
});
export type AccessLogVisit = z.infer<typeof AccessLogVisit>;

/** A person who appears in the log: the `person` filter's choices. */
export const AccessLogPerson = z.object({ id: Id, who: z.string(), role: z.string().nullable() });
export type AccessLogPerson = z.infer<typeof AccessLogPerson>;

export const AccessLogVisitPage = z.object({
  items: z.array(AccessLogVisit),
  nextCursor: z.string().nullable(),
  people: z.array(AccessLogPerson),
});
export type AccessLogVisitPage = z.infer<typeof AccessLogVisitPage>;

/** The page's filters from its URL (`?person=&period=`): a value that is not one is the default. */
export function visitFiltersOf(search: Record<string, string | string[] | undefined>): {
  person?: string;
  period: AccessLogPeriod;
} {
  const person = Id.safeParse(search.person);
  const period = AccessLogPeriod.safeParse(search.period);
  return {
    ...(person.success ? { person: person.data } : {}),
    period: period.success ? period.data : 'all',
  };
}
