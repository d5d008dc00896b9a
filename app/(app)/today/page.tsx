import type { Metadata } from 'next';
import Link from 'next/link';
import { DayNav } from '@/components/appointments/day-nav';
import { DayVisits } from '@/components/appointments/day-visits';
import { dayParam, daySpan, longDay, zoneName } from '@/lib/visit-time';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { getClinicianDay, ownTimeZone } from '@/lib/data/appointments/day';
import { plural } from '@/lib/format';
import { nextDate, wallClock } from '@/lib/zoned-time';

export const metadata: Metadata = { title: 'Today' };

/** The clinician's sessions of one day (`?date=YYYY-MM-DD`, default today on their own clock). */
export default async function TodayPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireRole('PRESCRIBER', 'THERAPIST');
  const timeZone = await ownTimeZone(viewer);
  const now = new Date();
  const today = wallClock(timeZone, now).date;
  const date = dayParam((await searchParams).date, timeZone, now);
  const day = await getClinicianDay(viewer, daySpan(timeZone, date), now);
  const isToday = date === today;
  const hrefOf = (d: string) => (d === today ? '/today' : `/today?date=${d}`);

  return (
    <>
      <PageHeader title={isToday ? 'Today' : longDay(date)}>
        <p>
          {isToday ? `${longDay(date)}. ` : ''}
          Your sessions in order, each with what changed since your last session with that patient.
          Times are on your clock (
          {zoneName(timeZone, day.visits[0] ? new Date(day.visits[0].startsAt) : now)}).
        </p>
      </PageHeader>
      <Card
        title={isToday ? 'Today’s sessions' : 'Sessions'}
        titleId="day-heading"
        description={day.visits.length > 0 ? `${plural(day.visits.length, 'session')}.` : undefined}
        actions={
          <Link
            href={`/today/week?start=${date}`}
            className="text-sm font-medium text-teal-800 underline hover:text-teal-900"
          >
            Week view
          </Link>
        }
      >
        <div className="space-y-5">
          <DayNav
            label="Day"
            previous={{ href: hrefOf(nextDate(date, -1)), label: 'Previous day' }}
            next={{ href: hrefOf(nextDate(date, 1)), label: 'Next day' }}
            current={isToday ? null : { href: '/today', label: 'Today' }}
            action="/today"
            param="date"
            value={date}
            pickerLabel="Go to a date"
          />
          {day.visits.length === 0 ? (
            <EmptyState title={isToday ? 'No sessions today' : 'No sessions on this day'}>
              <p>
                Visits booked with you for patients on your care teams appear here, with what
                changed since your last session.
              </p>
            </EmptyState>
          ) : (
            <DayVisits visits={day.visits} timeZone={timeZone} />
          )}
        </div>
      </Card>
    </>
  );
}
