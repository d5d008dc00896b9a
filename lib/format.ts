import { differenceInCalendarDays, differenceInYears, format, parseISO } from 'date-fns';
import type { Role } from '@/lib/auth/viewer';

export { toIsoDate } from '@/lib/calendar-date';

/** Whole years between a date of birth (`YYYY-MM-DD`) and `today`. */
export function ageOn(dateOfBirth: string, today: Date = new Date()): number {
  return differenceInYears(today, parseISO(dateOfBirth));
}

/** "Mar 3, 2026" (short) or "March 3, 2026" (long). */
export function formatDate(iso: string, style: 'short' | 'long' = 'short'): string {
  return format(parseISO(iso), style === 'long' ? 'MMMM d, yyyy' : 'MMM d, yyyy');
}

/** "5 days", "1 week": a count and its noun, singular when the count is one. */
export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

/** A calendar date relative to `now`: "today", "yesterday", "3 days ago", "2 months ago", "in 4 days". */
export function relativeDay(iso: string, now: Date = new Date()): string {
  const days = differenceInCalendarDays(now, parseISO(iso));
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  if (days < 0) return `in ${plural(-days, 'day')}`;
  if (days < 14) return `${plural(days, 'day')} ago`;
  if (days < 60) return `${plural(Math.floor(days / 7), 'week')} ago`;
  if (days < 365) return `${plural(Math.floor(days / 30), 'month')} ago`;
  return `${plural(Math.floor(days / 365), 'year')} ago`;
}

/** "12.5 mg"; null when no dose was recorded. */
export function formatDose(dose: number | null, unit: string | null): string | null {
  if (dose === null) return null;
  return unit ? `${dose} ${unit}` : String(dose);
}

const roleLabels: Record<Role, string> = {
  PATIENT: 'Patient',
  PRESCRIBER: 'Prescriber',
  THERAPIST: 'Therapist',
  ADMIN: 'Administrator',
};

/** The role's name as people say it. */
export function roleLabel(role: Role): string {
  return roleLabels[role];
}
