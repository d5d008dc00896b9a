// The inbox and its preferences: each person's notifications (written by lib/data/notifications/
// notify.ts in the transaction of their event) and how they would like to receive them.
import { z } from 'zod';
import { NOTIFICATION_KINDS, type NotificationKind } from '@/lib/schemas/enums';
import { Id, IsoDateTime, Limit } from '@/lib/schemas/common';
import { NOTIFICATION_KIND_WORDS, PATIENT_KIND_WORDS } from '@/lib/schemas/notifications-values';
export { NOTIFICATION_KIND_WORDS, PATIENT_KIND_WORDS };

export { NOTIFICATION_KINDS, type NotificationKind };

/** POST /notifications/{notificationId}/read. */
export const NotificationParams = z.strictObject({ notificationId: Id });

// An inbox cursor names the section the last item was in as well as the item: "attention." (an
// urgent item whose flag is still open) or "rest.", then the item's id. See listNotifications.
const CURSOR =
  /^(attention|rest)\.[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** An opaque inbox cursor, as a page's `nextCursor` gave it. */
export const NotificationCursor = z
  .string()
  .regex(CURSOR, { message: 'Not a cursor this API gave out.' })
  .meta({ description: 'The `nextCursor` of the previous page, as given.' });

/** GET /notifications: `unread=true` for unread items only (`false` or absent: all). */
export const NotificationListQuery = z.strictObject({
  // A query string sends text; lib/data callers (the page) may pass the parsed boolean back.
  unread: z
    .union([z.boolean(), z.enum(['true', 'false'])], { message: 'Must be true or false.' })
    .default(false)
    .transform((value) => value === true || value === 'true')
    .meta({ description: 'true: unread items only; false (default): all.' }),
  cursor: NotificationCursor.optional(),
  limit: Limit,
});
export type NotificationListQuery = z.input<typeof NotificationListQuery>;

/** One inbox item, in the words written for its reader's role. */
export const Notification = z.object({
  id: Id,
  kind: z.enum(NOTIFICATION_KINDS),
  urgent: z.boolean(),
  /**
   * Urgent, and its safety flag is still OPEN: sorts first, and cannot be marked read until
   * someone on the care team acknowledges the flag.
   */
  needsAttention: z.boolean(),
  summary: z.string(),
  /** Where opening the item lands: an app path. */
  link: z.string(),
  /** The patient it is about, or null when it is about no one patient. */
  patient: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: IsoDateTime,
  readAt: IsoDateTime.nullable(),
});
export type Notification = z.infer<typeof Notification>;

/** Items that need attention first (newest first among them), then the rest newest first. */
export const NotificationPage = z.object({
  items: z.array(Notification),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

/** POST /notifications/{id}/read: the item as it is now. */
export const NotificationResult = z.object({ notification: Notification });
export type NotificationResult = z.infer<typeof NotificationResult>;

/** POST /notifications/read-all. */
export const ReadAllResult = z.object({
  /** How many items this marked read. */
  marked: z.int().min(0),
  /** Items left unread because their safety flag still needs acknowledging. */
  needingAttention: z.int().min(0),
});
export type ReadAllResult = z.infer<typeof ReadAllResult>;

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** A time of day, `HH:MM` on the 24-hour clock. */
export const TimeOfDay = z
  .string()
  .regex(HH_MM, { message: 'Use a time like 22:00 (24-hour clock).' });

/** Whether `value` is a time zone this runtime knows (IANA names, e.g. `America/Chicago`). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, checked with Intl. */
export const TimeZone = z
  .string()
  .min(1, { message: 'Choose a time zone.' })
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, { message: 'Not a time zone name.' })
  .refine(isTimeZone, { message: 'Not a time zone we know, e.g. America/Chicago.' })
  .meta({
    description: 'An IANA time zone name, e.g. `America/Chicago`.',
    example: 'America/New_York',
  });

/**
 * GET and PUT /me/notification-preferences. Every kind appears in the app's inbox; `emailKinds`
 * are also emailed at once, `digestKinds` counted in one email a day at 7:00 in `timeZone`; a kind
 * in neither stays in the app only. An email never carries patient details, only that something
 * is waiting in Triad. Quiet hours hold back the at-once emails between `start` and `end` in
 * `timeZone` (across midnight when `end` is earlier) until they end. An urgent safety item is
 * always emailed at once to the care team, whatever is chosen here and in quiet hours too.
 */
export const NotificationPreferences = z
  .strictObject({
    emailKinds: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length).meta({
      description: 'Kinds also emailed at once (held during quiet hours).',
    }),
    digestKinds: z
      .array(z.enum(NOTIFICATION_KINDS))
      .max(NOTIFICATION_KINDS.length)
      .default([])
      .meta({
        description:
          'Kinds counted in one summary email a day at 7:00 in `timeZone` (how many, never what); none when left out. A kind in neither list: in the app only.',
      }),
    quietHours: z.strictObject({ start: TimeOfDay, end: TimeOfDay }).nullable().meta({
      description:
        'No emails between start and end in `timeZone`; null for none. Urgent safety items ignore quiet hours.',
    }),
    timeZone: TimeZone,
  })
  .superRefine((value, ctx) => {
    for (const list of ['emailKinds', 'digestKinds'] as const) {
      value[list].forEach((kind, index) => {
        if (value[list].indexOf(kind) !== index) {
          ctx.addIssue({ code: 'custom', path: [list, index], message: 'Listed twice.' });
        }
      });
    }
    value.digestKinds.forEach((kind, index) => {
      if (value.emailKinds.includes(kind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['digestKinds', index],
          message: 'Choose either an email at once or the daily summary for this kind, not both.',
        });
      }
    });
    if (value.quietHours && value.quietHours.start === value.quietHours.end) {
      ctx.addIssue({
        code: 'custom',
        path: ['quietHours', 'end'],
        message: 'Choose an end time different from the start.',
      });
    }
  });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** The kinds a role may receive, as its preferences page offers them. */
export function kindsFor(
  role: 'PATIENT' | 'PRESCRIBER' | 'THERAPIST' | 'ADMIN',
): NotificationKind[] {
  if (role === 'PATIENT') return NOTIFICATION_KINDS.filter((kind) => kind in PATIENT_KIND_WORDS);
  if (role === 'ADMIN') return [];
  return [...NOTIFICATION_KINDS];
}
