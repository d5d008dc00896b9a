// Appointments (docs/decisions/026-appointments.md): a visit of one patient with one clinician,
// stored in UTC, shown in the viewer's zone; recurring series by RRULE; changes by If-Match.
// Admins read times, people and kind, never the reasons (clinical content); the patient reads
// their own and asks to cancel or move one.
import { z } from 'zod';
import {
  APPOINTMENT_KINDS,
  APPOINTMENT_MODALITIES,
  APPOINTMENT_REQUEST_KINDS,
  APPOINTMENT_STATUSES,
  CLINICIAN_ROLES,
  ROLES,
} from '@/lib/schemas/enums';
import {
  freeText,
  Id,
  IsoDate,
  IsoDateTime,
  Page,
  pagingFields,
  Person,
  readOnly,
  singleLine,
} from '@/lib/schemas/common';
import {
  APPOINTMENT_KIND_WORDS,
  APPOINTMENT_MODALITY_WORDS,
  APPOINTMENT_STATUS_WORDS,
  MAX_OCCURRENCES,
} from '@/lib/schemas/appointments-values';
export {
  APPOINTMENT_KIND_WORDS,
  APPOINTMENT_MODALITY_WORDS,
  APPOINTMENT_STATUS_WORDS,
  MAX_OCCURRENCES,
};

export const AppointmentKind = z.enum(APPOINTMENT_KINDS, { error: 'Choose the kind of visit.' });
export const AppointmentModality = z.enum(APPOINTMENT_MODALITIES, {
  error: 'Choose how the visit happens.',
});
export const AppointmentStatus = z.enum(APPOINTMENT_STATUSES);
export const AppointmentRequestKind = z.enum(APPOINTMENT_REQUEST_KINDS, {
  error: 'Choose cancel or reschedule.',
});
export type AppointmentKind = z.infer<typeof AppointmentKind>;
export type AppointmentModality = z.infer<typeof AppointmentModality>;
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/** Shortest and longest visit, in minutes. */
export const MIN_DURATION_MINUTES = 10;
export const MAX_DURATION_MINUTES = 480;
/** The widest window one list query reads (`from` to `to`). */
export const MAX_LIST_DAYS = 62;
/** The most a reason may hold. */
export const APPOINTMENT_REASON_MAX = 500;

const Duration = z
  .int({ error: 'Enter the length in whole minutes.' })
  .min(MIN_DURATION_MINUTES, { message: `At least ${MIN_DURATION_MINUTES} minutes.` })
  .max(MAX_DURATION_MINUTES, { message: `At most ${MAX_DURATION_MINUTES} minutes.` });

/** Where an in-person visit happens (a room, an address). */
const Location = singleLine(200);

/** The link to join a video visit: https only. */
const VideoUrl = z
  .url({ protocol: /^https$/, error: 'Enter the https:// link to join the video visit.' })
  .max(500);

/** An IANA time zone name the runtime knows. */
export const TimeZone = z
  .string()
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'Not a time zone this server knows (e.g. America/New_York).' },
  );

/** A required reason: trimmed, not blank. */
const Reason = (message: string) =>
  freeText(APPOINTMENT_REASON_MAX)
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { message });

/**
 * A repeat: every week or every two weeks, until a date (inclusive, on the series' clock) or a
 * number of visits (2 to 52). Exactly one of `until` and `count`.
 */
export const AppointmentRepeat = z
  .strictObject({
    frequency: z.enum(['WEEKLY', 'BIWEEKLY'], { error: 'Choose every week or every two weeks.' }),
    until: IsoDate.optional(),
    count: z
      .int({ error: 'Enter a whole number of visits.' })
      .min(2, { message: 'A series has at least 2 visits.' })
      .max(MAX_OCCURRENCES, { message: `At most ${MAX_OCCURRENCES} visits.` })
      .optional(),
  })
  .superRefine((repeat, ctx) => {
    if ((repeat.until === undefined) === (repeat.count === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        message: 'Give either an end date or a number of visits.',
      });
    }
  });
export type AppointmentRepeat = z.infer<typeof AppointmentRepeat>;

type Place = { modality?: AppointmentModality; location?: string | null; videoUrl?: string | null };

/** IN_PERSON needs a location, VIDEO a link; a place the modality does not use is refused. */
function checkPlace(place: Place, ctx: z.RefinementCtx) {
  if (place.modality === undefined) return;
  const need =
    place.modality === 'IN_PERSON' ? 'location' : place.modality === 'VIDEO' ? 'videoUrl' : null;
  if (need === 'location' && !place.location) {
    ctx.addIssue({ code: 'custom', path: ['location'], message: 'Say where the visit is.' });
  }
  if (need === 'videoUrl' && !place.videoUrl) {
    ctx.addIssue({
      code: 'custom',
      path: ['videoUrl'],
      message: 'Add the link to join the video visit.',
    });
  }
  if (need !== 'location' && place.location) {
    ctx.addIssue({
      code: 'custom',
      path: ['location'],
      message: 'Only an in-person visit has a location.',
    });
  }
  if (need !== 'videoUrl' && place.videoUrl) {
    ctx.addIssue({ code: 'custom', path: ['videoUrl'], message: 'Only a video visit has a link.' });
  }
}

/**
 * POST /api/v1/appointments: book one visit, or a series with `repeat`. `timeZone` is the clock the
 * series recurs on (10:00 stays 10:00 across daylight-saving changes); the booker's own zone when
 * left out.
 */
export const AppointmentInput = z
  .strictObject({
    patientId: Id,
    clinicianId: Id,
    startsAt: IsoDateTime,
    durationMinutes: Duration,
    kind: AppointmentKind,
    modality: AppointmentModality,
    location: Location.optional(),
    videoUrl: VideoUrl.optional(),
    timeZone: TimeZone.optional(),
    repeat: AppointmentRepeat.optional(),
  })
  .superRefine(checkPlace);
export type AppointmentInput = z.infer<typeof AppointmentInput>;

/** Which visits of a series a change or a cancellation applies to. */
export const AppointmentScope = z.enum(['THIS', 'FOLLOWING'], {
  error: 'Choose this visit or this and the following ones.',
});
export type AppointmentScope = z.infer<typeof AppointmentScope>;

/**
 * PATCH /api/v1/appointments/{appointmentId} (If-Match): move it, change its length, kind, place or
 * clinician, or move it along (check in, completed, no-show). `scope` FOLLOWING applies a time,
 * length, kind or place change to this visit and the following scheduled ones of its series (the
 * series splits here); a status change is always this visit's alone.
 */
export const AppointmentChange = z
  .strictObject({
    startsAt: IsoDateTime.optional(),
    durationMinutes: Duration.optional(),
    kind: AppointmentKind.optional(),
    modality: AppointmentModality.optional(),
    location: Location.nullable().optional(),
    videoUrl: VideoUrl.nullable().optional(),
    clinicianId: Id.optional(),
    status: z
      .enum(['CHECKED_IN', 'COMPLETED', 'NO_SHOW'], {
        error: 'Choose checked in, completed or no-show.',
      })
      .optional(),
    scope: AppointmentScope.default('THIS'),
  })
  .superRefine((change, ctx) => {
    checkPlace(change, ctx);
    if (change.status !== undefined && change.scope === 'FOLLOWING') {
      ctx.addIssue({
        code: 'custom',
        path: ['scope'],
        message: 'Check-in, completed and no-show apply to one visit.',
      });
    }
  });
export type AppointmentChange = z.infer<typeof AppointmentChange>;

/** POST /api/v1/appointments/{appointmentId}/cancel (If-Match): why; this visit or the following too. */
export const AppointmentCancel = z.strictObject({
  reason: Reason('Say why the visit is cancelled.'),
  scope: AppointmentScope.default('THIS'),
});
export type AppointmentCancel = z.infer<typeof AppointmentCancel>;

/** POST /api/v1/appointments/{appointmentId}/request: the patient asks to cancel or move a visit. */
export const AppointmentRequestInput = z.strictObject({
  kind: AppointmentRequestKind,
  reason: Reason('Tell your care team why, in a few words.'),
});
export type AppointmentRequestInput = z.infer<typeof AppointmentRequestInput>;

/** Path parameters of /api/v1/appointments/{appointmentId}. */
export const AppointmentParams = z.strictObject({ appointmentId: Id });

/**
 * GET /api/v1/appointments: the visits of the patients in the viewer's scope that start from
 * `from` (default: now) to `to` (default: 7 days after `from`; at most MAX_LIST_DAYS), earliest
 * first, narrowed to one clinician or one patient; cancelled ones only with `includeCancelled`.
 */
export const AppointmentListQuery = z
  .strictObject({
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    clinicianId: Id.optional(),
    patientId: Id.optional(),
    includeCancelled: z.enum(['true', 'false']).optional(),
    ...pagingFields,
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to) {
      const span = Date.parse(query.to) - Date.parse(query.from);
      if (span <= 0) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'Must be after `from`.' });
      } else if (span > MAX_LIST_DAYS * 86_400_000) {
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `At most ${MAX_LIST_DAYS} days after \`from\`.`,
        });
      }
    }
  });
export type AppointmentListQuery = z.infer<typeof AppointmentListQuery>;

/** GET /api/v1/patients/{patientId}/appointments: upcoming (earliest first) or past (latest first). */
export const PatientAppointmentListQuery = z.strictObject({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  ...pagingFields,
});
export type PatientAppointmentListQuery = z.infer<typeof PatientAppointmentListQuery>;

/** One visit as answered. `cancelReason` and the request's `reason` are null for admins. */
export const Appointment = z.object({
  id: readOnly(Id),
  patient: z.object({ id: Id, name: z.string() }),
  clinician: Person(CLINICIAN_ROLES),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  durationMinutes: z.int(),
  kind: AppointmentKind,
  modality: AppointmentModality,
  location: z.string().nullable(),
  videoUrl: z.string().nullable(),
  status: AppointmentStatus,
  /** The If-Match token (also the ETag of GET). */
  version: z.int(),
  series: z.object({ id: Id, rrule: z.string(), timeZone: z.string() }).nullable(),
  checkedInAt: IsoDateTime.nullable(),
  completedAt: IsoDateTime.nullable(),
  cancelledAt: IsoDateTime.nullable(),
  cancelledBy: Person(ROLES).nullable(),
  cancelReason: z.string().nullable(),
  /** The patient's open request to cancel or move it. */
  request: z
    .object({
      kind: AppointmentRequestKind,
      reason: z.string().nullable(),
      requestedAt: IsoDateTime,
    })
    .nullable(),
  /** The session note written for it (clinicians only; null for others). */
  sessionNoteId: Id.nullable(),
  createdAt: IsoDateTime,
});
export type Appointment = z.infer<typeof Appointment>;

export const AppointmentList = Page(Appointment);
export type AppointmentList = z.infer<typeof AppointmentList>;

/** GET /api/v1/me/calendar-feed: whether the clinician's feed is on (never its secret). */
export const CalendarFeedStatus = z.object({
  active: z.boolean(),
  createdAt: IsoDateTime.nullable(),
  lastFetchedAt: IsoDateTime.nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;

/** POST /api/v1/me/calendar-feed: a new secret link (shown this once); the old one stops working. */
export const CalendarFeedCreated = z.object({
  id: Id,
  url: z.string(),
  createdAt: IsoDateTime,
});
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;
