// The patient's timeline: everything in time order, filtered by what the viewer may see.
import { z } from 'zod';
import { Id, IsoDateTime, Limit } from '@/lib/schemas/common';

export const TIMELINE_KINDS = [
  'medicationChange',
  'sessionNote',
  'draftNote',
  'addendum',
  'checkIn',
  'assessment',
  'planVersion',
  'message',
  'safetyFlagRaised',
  'safetyFlagAcknowledged',
  'safetyFlagResolved',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** An opaque cursor: where the previous page ended (time, kind and id), base64url-encoded. */
export const TimelineCursor = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'Not a cursor this API gave out.' });

/** GET /timeline query: newest first, a page at a time. */
export const TimelineQuery = z.strictObject({ cursor: TimelineCursor.optional(), limit: Limit });

/** One event of the timeline, described for its viewer (a patient reads plain language). */
export const TimelineItem = z.object({
  kind: z.enum(TIMELINE_KINDS),
  id: Id,
  at: IsoDateTime,
  title: z.string(),
  detail: z.string().nullable(),
  actor: z.string().nullable(),
  /** The session note a note or addendum event belongs to. */
  noteId: Id.nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const TimelinePage = z.object({
  items: z.array(TimelineItem),
  nextCursor: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof TimelinePage>;
