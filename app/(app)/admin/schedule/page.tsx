import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import type { Viewer } from '@/lib/auth/viewer';
import { listUsers } from '@/lib/data/admin/users';
import { listAppointments } from '@/lib/data/appointments';
import { getNotificationPreferences } from '@/lib/data/notifications/preferences';
import {
  APPOINTMENT_KIND_WORDS,
  APPOINTMENT_MODALITY_WORDS,
  APPOINTMENT_STATUS_WORDS,
  type Appointment,
  type AppointmentStatus,
} from '@/lib/schemas/appointments';
import { IsoDate } from '@/lib/schemas/common';
import { nextDate, wallClock, zonedInstant } from '@/lib/zoned-time';

export const metadata: Metadata = { title: 'Schedule' };

/** The most visits one week shows (ten pages of the list). */
const MAX_PAGES = 10;

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) || undefined;

const STATUS_TONE: Record<AppointmentStatus, BadgeTone> = {
  SCHEDULED: 'teal',
  CHECKED_IN: 'teal',
  COMPLETED: 'neutral',
  NO_SHOW: 'amber',
  CANCELLED: 'rose',
};

/** The Monday of the week holding `date` (`YYYY-MM-DD`). */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 Sunday
  return nextDate(date, -((weekday + 6) % 7));
}

function hrefFor(week: string, clinicianId?: string): string {
  const search = new URLSearchParams({ week });
  if (clinicianId) search.set('clinicianId', clinicianId);
  return `/admin/schedule?${search.toString()}`;
}

async function weekOf(viewer: Viewer, from: Date, to: Date, clinicianId?: string) {
  const visits: Appointment[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const list = await listAppointments(viewer, {
      from: from.toISOString(),
      to: to.toISOString(),
      clinicianId,
      includeCancelled: 'true',
      limit: 100,
      cursor,
    });
    visits.push(...list.items);
    if (!list.nextCursor) break;
    cursor = list.nextCursor;
  }
  return visits;
}

async function cliniciansOf(viewer: Viewer) {
  const lists = await Promise.all(
    (['PRESCRIBER', 'THERAPIST'] as const).map((role) => listUsers(viewer, { role, limit: 100 })),
  );
  return lists
    .flatMap((list) => list.items)
    .filter((u) => u.isActive)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Admins: the organization's visits for one week (Monday to Sunday on the admin's clock), by day,
 * of every clinician or one: times, patient, clinician, kind and status, never a reason.
 */
export default async function SchedulePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requireRole('ADMIN');
  const params = await searchParams;
  const { timeZone } = await getNotificationPreferences(viewer);
  const today = wallClock(timeZone, new Date()).date;
  const asked = IsoDate.safeParse(first(params.week));
  const monday = mondayOf(asked.success ? asked.data : today);
  const clinicians = await cliniciansOf(viewer);
  const clinicianId = clinicians.find((c) => c.id === first(params.clinicianId))?.id;
  const from = zonedInstant(timeZone, monday, 0);
  const to = zonedInstant(timeZone, nextDate(monday, 7), 0);
  const visits = await weekOf(viewer, from, to, clinicianId);

  const days = Array.from({ length: 7 }, (_, i) => nextDate(monday, i));
  const dayWords = (date: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'UTC',
      weekday: 'long',
      month: 'long',
      day: 'numeric',
    }).format(new Date(`${date}T12:00:00Z`));
  const time = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
  });
  const zone = timeZone.replaceAll('_', ' ');

  return (
    <>
      <PageHeader title="Schedule">
        <p>
          Every visit of the week, by day, in your time zone ({zone}). Reasons for a cancellation
          and anything clinical stay with the care team.
        </p>
      </PageHeader>
      <ScheduleControls
        monday={monday}
        today={today}
        clinicians={clinicians}
        clinicianId={clinicianId}
      />
      <div className="mt-4 space-y-4">
        {days.map((day) => {
          const ofDay = visits.filter(
            (v) => wallClock(timeZone, new Date(v.startsAt)).date === day,
          );
          return (
            <DayVisits
              key={day}
              title={dayWords(day) + (day === today ? ' (today)' : '')}
              headingId={`day-${day}`}
              visits={ofDay}
              time={time}
            />
          );
        })}
      </div>
    </>
  );
}

/** The clinician filter, "Book a visit" and the links to the weeks around. */
function ScheduleControls({
  monday,
  today,
  clinicians,
  clinicianId,
}: {
  monday: string;
  today: string;
  clinicians: { id: string; name: string }[];
  clinicianId?: string;
}) {
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <form method="get" action="/admin/schedule" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="week" value={monday} />
          <div className="space-y-1.5">
            <label
              htmlFor="schedule-clinician"
              className="block text-sm font-medium text-slate-900"
            >
              Clinician
            </label>
            <select
              id="schedule-clinician"
              name="clinicianId"
              defaultValue={clinicianId ?? ''}
              className={inputClass}
            >
              <option value="">Everyone</option>
              {clinicians.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass('secondary', 'mb-0.5')}>
            Show
          </button>
        </form>
        <Link href="/appointments/new" className={buttonClass('primary')}>
          Book a visit
        </Link>
      </div>
      <nav aria-label="Weeks" className="mt-4 flex flex-wrap items-center gap-3 text-sm">
        <Link
          href={hrefFor(nextDate(monday, -7), clinicianId)}
          className="font-medium text-teal-800 underline"
        >
          Previous week
        </Link>
        <Link
          href={hrefFor(mondayOf(today), clinicianId)}
          className="font-medium text-teal-800 underline"
        >
          This week
        </Link>
        <Link
          href={hrefFor(nextDate(monday, 7), clinicianId)}
          className="font-medium text-teal-800 underline"
        >
          Next week
        </Link>
      </nav>
    </>
  );
}

/** One day's visits: times, patient, clinician, kind, how, and status. */
function DayVisits({
  title,
  headingId,
  visits,
  time,
}: {
  title: string;
  headingId: string;
  visits: Appointment[];
  time: Intl.DateTimeFormat;
}) {
  return (
    <Card title={title} titleId={headingId}>
      {visits.length === 0 ? (
        <p className="text-sm text-slate-700">No visits.</p>
      ) : (
        <ul aria-labelledby={headingId} className="divide-y divide-slate-200">
          {visits.map((visit) => (
            <li
              key={visit.id}
              className="grid gap-1 py-3 sm:grid-cols-[9rem_1fr_auto] sm:items-center sm:gap-4"
            >
              <span className="font-medium text-slate-900">
                {time.format(new Date(visit.startsAt))}–{time.format(new Date(visit.endsAt))}
              </span>
              <span className="text-slate-800">
                <Link
                  href={`/appointments/${visit.id}`}
                  className="font-medium text-teal-800 underline"
                >
                  {visit.patient.name}
                </Link>{' '}
                with {visit.clinician.name}
                <span className="block text-sm text-slate-700">
                  {APPOINTMENT_KIND_WORDS[visit.kind]} ·{' '}
                  {APPOINTMENT_MODALITY_WORDS[visit.modality]}
                </span>
              </span>
              <span>
                <Badge tone={STATUS_TONE[visit.status]}>
                  {APPOINTMENT_STATUS_WORDS[visit.status]}
                </Badge>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
