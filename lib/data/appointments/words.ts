// How a visit's time is said in an inbox item (written once, read later): on the reader's own
// clock, with the zone's short name so nobody misreads it. Pure.
import { APPOINTMENT_KIND_WORDS, type AppointmentKind } from '@/lib/schemas/appointments';

/** "Thu, Dec 3, 10:00 AM EST" on the clock of `timeZone` (UTC when the zone is unknown). */
export function visitWhen(startsAt: Date, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone }).format(startsAt);
  } catch {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(startsAt);
  }
}

/** "therapy visit", "medication management visit": the kind in a sentence. */
export function visitNoun(kind: AppointmentKind): string {
  return `${APPOINTMENT_KIND_WORDS[kind].toLowerCase()} visit`;
}
