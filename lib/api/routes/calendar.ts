// The patient's side of appointments and the calendars (docs/decisions/026-appointments.md): the
// patient's request to cancel or move a visit, one visit as an .ics file ("Add to calendar"), and
// each clinician's private calendar feed, managed at /me/calendar-feed and read at its secret link.
import 'server-only';
import { z } from 'zod';
import type { NextRequest } from 'next/server';
import { defineRoute } from '@/lib/api/define-route';
import { env } from '@/lib/env';
import { requestContextFrom } from '@/lib/http/request-context';
import {
  appointmentCalendar,
  calendarFeedStatus,
  createCalendarFeed,
  readCalendarFeed,
  requestAppointmentChange,
  revokeCalendarFeed,
} from '@/lib/data/appointments';
import type { CalendarFile } from '@/lib/data/appointments/calendar';
import {
  Appointment,
  AppointmentParams,
  AppointmentRequestInput,
  CalendarFeedCreated,
  CalendarFeedStatus,
} from '@/lib/schemas/appointments';

const tag = 'Calendar';
const CLINICIANS = 'Prescribers and therapists, for their own feed; patients and admins get 403.';

/** An RFC 5545 calendar, as text. */
const Calendar = z
  .string()
  .startsWith('BEGIN:VCALENDAR')
  .meta({ description: 'An RFC 5545 VCALENDAR; every DTSTART/DTEND in UTC.' });

/**
 * The path of a feed: `<secret>.ics`, the secret 43 base64url characters (32 bytes). Anything
 * else names no feed (404), so nothing but the shape reaches the lookup.
 */
export const CalendarFeedParams = z.strictObject({
  feed: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}\.ics$/)
    .meta({ description: 'The feed’s secret followed by `.ics`, as its link gives it.' }),
});

/** Where links in a calendar point: the configured public URL, else the request's own. */
function originOf(request: NextRequest): string {
  return env.NEXTAUTH_URL ?? request.nextUrl.origin;
}

/** A calendar answer: text/calendar, saved under its name. */
function calendarResponse({ text, filename }: CalendarFile, disposition: 'attachment' | 'inline') {
  return new Response(text, {
    status: 200,
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `${disposition}; filename="${filename}"`,
    },
  });
}

export const calendarRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/appointments/{appointmentId}/request',
    idempotent: true,
    tag,
    params: AppointmentParams,
    summary:
      'The patient asks to cancel or reschedule one of their scheduled visits that has not started, with a reason; the visit’s clinician gets an inbox item. 409 when the visit is not scheduled or has started, or a request is already open',
    who: 'The patient, for their own visits; clinicians and admins get 403, anyone else 404.',
    permission: 'appointment.requestChange',
    body: AppointmentRequestInput,
    success: { status: 200, description: 'The visit, with its open request.', schema: Appointment },
    problems: [409],
    handler: ({ viewer, params, body, idempotency }) =>
      requestAppointmentChange(viewer, params.appointmentId, body, idempotency),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/appointments/{appointmentId}/calendar.ics',
    tag,
    params: AppointmentParams,
    summary:
      'One visit as an iCalendar file (“Add to calendar”): its times in UTC, its status, where it happens and a link to it in Triad',
    who: 'The patient (their own), clinicians on the patient’s active care team, and admins of the organization; anyone else 404.',
    permission: 'appointment.read',
    success: {
      status: 200,
      contentType: 'text/calendar',
      description: 'A calendar with one event, as an attachment.',
      schema: Calendar,
    },
    handler: async ({ viewer, params, request }) =>
      calendarResponse(
        await appointmentCalendar(viewer, params.appointmentId, originOf(request)),
        'attachment',
      ),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/me/calendar-feed',
    tag,
    summary:
      'Whether my private calendar feed is on, when it was made and last read (never its link)',
    who: CLINICIANS,
    permission: 'calendarFeed.manage',
    success: { status: 200, description: 'The feed’s status.', schema: CalendarFeedStatus },
    handler: ({ viewer }) => calendarFeedStatus(viewer),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/me/calendar-feed',
    tag,
    summary:
      'A new private calendar feed link, shown in this answer only (only a hash of its secret is kept); my previous link stops working. Not replayed by Idempotency-Key, since a replay would need the secret: a repeat makes another link, and the last answer’s link is the one that works',
    who: CLINICIANS,
    permission: 'calendarFeed.manage',
    success: { status: 200, description: 'The new link.', schema: CalendarFeedCreated },
    handler: ({ viewer, request }) => createCalendarFeed(viewer, originOf(request)),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/me/calendar-feed',
    tag,
    summary: 'Turns my calendar feed off: its link answers 404 from now on',
    who: CLINICIANS,
    permission: 'calendarFeed.manage',
    success: { status: 204, description: 'The feed is off.' },
    handler: ({ viewer }) => revokeCalendarFeed(viewer),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/calendar/{feed}',
    public: true,
    tag,
    params: CalendarFeedParams,
    summary:
      'A clinician’s private calendar feed, at `/api/v1/calendar/<secret>.ics`: their visits from 30 days ago to 90 days ahead with the minimum (patient initials and kind, times in UTC, status, a link to the visit in Triad); 404 for an unknown or turned-off link',
    who: 'Anyone holding the link (the secret is the credential).',
    success: {
      status: 200,
      contentType: 'text/calendar',
      description: 'The calendar.',
      schema: Calendar,
    },
    handler: async ({ params, request, requestId }) => {
      const { ip, userAgent } = requestContextFrom((name) => request.headers.get(name));
      const token = params.feed.slice(0, -'.ics'.length);
      const file = await readCalendarFeed(token, originOf(request), { ip, userAgent, requestId });
      return calendarResponse(file, 'inline');
    },
  }),
];
