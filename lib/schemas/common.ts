// Building blocks of every request and response schema of the v1 API (forms, handlers, OpenAPI).
import { z } from 'zod';

/** Any 8-4-4-4-12 hex id (seeded ids need not carry a UUID version). */
export const Id = z.guid();

/** An opaque pagination cursor: the id of the last item of the previous page. */
export const Cursor = z.guid({ message: 'Not a cursor this API gave out.' });

/** Page size: a whole number from 1 to 100 (as a number, or as query-string digits), 25 when absent. */
export const Limit = z
  .union([z.int(), z.string().regex(/^[0-9]{1,3}$/, { message: 'Must be a whole number.' })])
  .pipe(z.coerce.number<string | number>().int().min(1).max(100))
  .default(25)
  .meta({ description: 'Page size, 1 to 100 (default 25).' });

// SECURITY: text that PostgreSQL cannot store (NUL, unpaired UTF-16 surrogates) would fail in the
// database as a 500; it is refused here as a 400 instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;
// SECURITY: bidirectional overrides let a name display as something else (spoofing).
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// Names and short labels never need markup; refusing it keeps them inert wherever shown.
const MARKUP = /[<>]/;

function wellFormed(schema: z.ZodString): z.ZodString {
  return schema
    .refine((s) => !LONE_SURROGATE.test(s), { message: 'Contains an invalid character.' })
    .refine((s) => !s.includes('\u0000'), { message: 'Contains a NUL character.' });
}

/** One line of plain text (a name, a label): trimmed, 1..max characters, no control or markup. */
export function singleLine(max: number) {
  return wellFormed(z.string().trim().min(1, { message: 'Required.' }).max(max))
    .refine((s) => !CONTROL_IN_LINE.test(s), { message: 'Use a single line of text.' })
    .refine((s) => !BIDI_CONTROL.test(s), { message: 'Contains a text-direction control.' })
    .refine((s) => !MARKUP.test(s), { message: 'Must not contain < or >.' });
}

/** Free text of up to `max` characters (line breaks allowed, other control characters not). */
export function freeText(max: number) {
  return wellFormed(z.string().max(max)).refine((s) => !CONTROL_IN_TEXT.test(s), {
    message: 'Contains a control character.',
  });
}

/** A search term: at most 200 characters; empty means no search. */
export const SearchText = wellFormed(z.string().trim().max(200))
  .refine((s) => !CONTROL_IN_LINE.test(s), { message: 'Use a single line of text.' })
  .refine((s) => !BIDI_CONTROL.test(s), { message: 'Contains a text-direction control.' })
  .refine((s) => !MARKUP.test(s), { message: 'Must not contain < or >.' });

/** A person's name as shown across the app. */
export const PersonName = singleLine(200);

/** An email address (stored lower-cased by lib/data). */
export const Email = z.email({ message: 'Enter a valid email address.' }).max(320);

/** A new password: 12 to 1024 characters, anything printable (argon2id hashes it). */
export const NewPassword = wellFormed(
  z.string().min(12, { message: 'Use at least 12 characters.' }).max(1024),
).refine((s) => !CONTROL_IN_LINE.test(s), { message: 'Contains a control character.' });

/**
 * SECURITY: the calendar dates Triad accepts anywhere (bodies, queries, cursors, pages). Years 0000
 * and 0001 pass a date's shape but fail in PostgreSQL (a 500); no clinical date lies outside these.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';
const OUT_OF_RANGE = `Must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}.`;

/** Whether a `YYYY-MM-DD` (or the date part of an ISO instant) lies within the accepted range. */
export function isDateInRange(iso: string): boolean {
  const day = iso.slice(0, 10);
  return day >= EARLIEST_DATE && day <= LATEST_DATE;
}

/** A calendar date `YYYY-MM-DD`, from 1900-01-01 to 2100-12-31. */
export const IsoDate = z.iso.date({ abort: true }).refine(isDateInRange, { message: OUT_OF_RANGE });

/**
 * An instant with its offset, e.g. `2026-03-01T09:30:00Z`, dated 1900-01-01 to 2100-12-31 both as
 * written and in UTC (as it is stored and answered), so an accepted instant is always answerable.
 */
export const IsoDateTime = z.iso.datetime({ offset: true, abort: true }).refine(
  (s) => {
    const instant = Date.parse(s);
    return (
      isDateInRange(s) && Number.isFinite(instant) && isDateInRange(new Date(instant).toISOString())
    );
  },
  { message: OUT_OF_RANGE },
);

/** The paging members of every list query (`?cursor=&limit=`): spread into its strictObject. */
export const pagingFields = { cursor: Cursor.optional(), limit: Limit };

/** Who wrote or owns something, as answers name them: id, name and role (one of `roles`). */
export function Person<const R extends readonly [string, ...string[]]>(roles: R) {
  return z.object({ id: Id, name: z.string(), role: z.enum(roles) });
}

/** One page of a list, newest or alphabetical as the endpoint says; `nextCursor` null at the end. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * In a superRefine: flags each item of `items` whose key an earlier item already had, at
 * `[list, index, field]` (items whose key is undefined are not compared).
 */
export function flagRepeats<T>(
  ctx: z.RefinementCtx,
  items: readonly T[],
  [list, field]: [string, string],
  keyOf: (item: T) => string | undefined,
  message: string,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === undefined) return;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [list, index, field], message });
    seen.add(key);
  });
}

/** Marks a member of an answer read-only in the document: answered, never written. */
export function readOnly<T extends z.ZodType>(schema: T): T {
  return schema.meta({ readOnly: true });
}

/**
 * A read-only member of an answer that a PUT accepts back as its GET gave it, and ignores: a
 * client may edit by round trip (GET, change, PUT) without deleting what it cannot write.
 */
export const SentBack = z
  .unknown()
  .optional()
  .meta({ readOnly: true, description: 'Read-only: ignored when sent back.' });

/** The body of every error answer (`application/problem+json`, RFC 9457). */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
});
