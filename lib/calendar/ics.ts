// iCalendar (RFC 5545) for visits: the patient's "Add to calendar" file and the clinician's private
// feed, built with ical-generator. Every time is written in UTC (DTSTART/DTEND end in Z), so no
// calendar has to know the zone's rules; each visit's UID is its id at the app's host, so a
// calendar that reads the feed again updates the same event (and shows a cancellation). Pure.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { AppointmentStatus } from '@/lib/schemas/appointments';

/** One event: what the caller decided the reader may see, nothing more. */
export type CalendarEvent = {
  /** The appointment's id (the UID's left side). */
  id: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  status: AppointmentStatus;
  /** The visit's page in Triad (absolute URL). */
  url: string;
  location?: string | null;
  description?: string | null;
  /** When the event last changed (SEQUENCE follows the appointment's version). */
  sequence?: number;
};

export type CalendarOptions = {
  /** The calendar's name (X-WR-CALNAME). */
  name: string;
  /** The app's public origin: the UIDs' host. */
  origin: string;
  /** DTSTAMP of every event (the moment the calendar was made). */
  now?: Date;
  /** A feed is PUBLISHed; a single file too (it is not an invitation). */
  events: CalendarEvent[];
};

/** The UID of a visit: stable across downloads and feed fetches. */
export function eventUid(id: string, origin: string): string {
  return `${id}@${new URL(origin).hostname}`;
}

/** A cancelled visit stays in the calendar as CANCELLED (so calendars remove it); others CONFIRMED. */
function statusOf(status: AppointmentStatus): ICalEventStatus {
  return status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED;
}

/** The text of an RFC 5545 VCALENDAR holding `events`. */
export function buildCalendar({ name, origin, now = new Date(), events }: CalendarOptions): string {
  const calendar = ical({
    name,
    prodId: { company: 'Triad', product: 'Appointments', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const event of events) {
    calendar.createEvent({
      id: eventUid(event.id, origin),
      start: event.startsAt,
      end: event.endsAt,
      // No `timezone`: ical-generator writes UTC (…Z) times.
      stamp: now,
      summary: event.summary,
      status: statusOf(event.status),
      url: event.url,
      sequence: event.sequence ?? 0,
      ...(event.location ? { location: event.location } : {}),
      ...(event.description ? { description: event.description } : {}),
    });
  }
  return calendar.toString();
}

/** "A.M." for "Alex Morgan": the initials of the first and last words of a name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]!;
  const last = words.length > 1 ? words.at(-1)! : null;
  const letter = (word: string) => `${Array.from(word)[0]!.toLocaleUpperCase('en-US')}.`;
  return last ? `${letter(first)}${letter(last)}` : letter(first);
}
