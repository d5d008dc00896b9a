import type { Metadata } from 'next';
import Link from 'next/link';
import { DayNav } from '@/components/appointments/day-nav';
import {
  dayParam,
  daySpan,
  shortDay,
  weekStart,
  zoneName,
} from '@/lib/visit-time';
import { WeekGrid } from '@/components/appointments/week-grid';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { getClinicianDay, ownTimeZone } from '@/lib/data/appointments/day';
import { nextDate, wallClock } from '@/lib/zoned-time';

export const metadata: Metadata = { title: 'Week' };

/**
 * Seven days of the clinician's sessions from `?start=YYYY-MM-DD` (default: this week's Monday):
 * a grid of days on a wide screen, a list by day on a narrow one.
 */
export default async function WeekPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireRole('PRESCRIBER', 'THERAPIST');
  const timeZone = await ownTimeZone(viewer);
  const now = new Date();
  const today = wallClock(timeZone, now).date;
  const given = (await searchParams).start;
  const start = typeof given === 'string' ? dayParam(given, timeZone, now) : weekStart(today);
  const week = await getClinicianDay(viewer, daySpan(timeZone, start, 7), now);
  const days = Array.from({ length: 7 }, (_, i) => nextDate(start, i));
  const end = days[6]!;

  return (
    <>
      <PageHeader title={`Week of ${shortDay(start)}`}>
        <p>
          Your sessions from {shortDay(start)} to {shortDay(end)}, on your clock (
          {zoneName(timeZone, now)}). Open a day for what changed since each patient’s last session.
        </p>
      </PageHeader>
      <Card
        title="Sessions this week"
        titleId="week-heading"
        actions={
          <Link
            href="/today"
            className="text-sm font-medium text-teal-800 underline hover:text-teal-900"
          >
            Day view
          </Link>
        }
      >
        <div className="space-y-5">
          <DayNav
            label="Week"
            previous={{ href: `/today/week?start=${nextDate(start, -7)}`, label: 'Previous week' }}
            next={{ href: `/today/week?start=${nextDate(start, 7)}`, label: 'Next week' }}
            current={
              start === weekStart(today) ? null : { href: '/today/week', label: 'This week' }
            }
            action="/today/week"
            param="start"
            value={start}
            pickerLabel="Week starting"
          />
          <WeekGrid days={days} today={today} visits={week.visits} timeZone={timeZone} />
        </div>
      </Card>
    </>
  );
}
