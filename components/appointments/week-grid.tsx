import Link from 'next/link';
import { StatusBadge } from '@/components/appointments/day-visits';
import { HeadlineChips } from '@/components/appointments/headline-chips';
import { localDate, shortDay, timeOf } from '@/lib/visit-time';
import type { DayVisit } from '@/lib/data/appointments/day';
import { APPOINTMENT_KIND_WORDS } from '@/lib/schemas/appointments-values';

/** Seven days side by side on a wide screen, one under another on a narrow one. */
export function WeekGrid({
  days,
  today,
  visits: all,
  timeZone,
}: {
  days: string[];
  today: string;
  visits: DayVisit[];
  timeZone: string;
}) {
  return (
    <ol className="grid gap-4 lg:grid-cols-7 lg:gap-2">
      {days.map((date) => {
        const visits = all.filter((v) => localDate(v.startsAt, timeZone) === date);
        return (
          <li
            key={date}
            aria-labelledby={`day-${date}`}
            className={`rounded-lg border p-3 lg:min-h-40 ${date === today ? 'border-teal-700 bg-teal-50/40' : 'border-slate-200'}`}
          >
            <h3 id={`day-${date}`} className="text-sm font-semibold text-slate-900">
              <Link href={`/today?date=${date}`} className="underline hover:text-teal-900">
                {shortDay(date)}
              </Link>
              {date === today ? <span className="font-normal text-slate-700"> (today)</span> : null}
            </h3>
            {visits.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">No sessions.</p>
            ) : (
              <ul className="mt-2 space-y-3">
                {visits.map((visit) => (
                  <li key={visit.id} className="space-y-1 text-sm">
                    <p className="font-medium text-slate-900 tabular-nums">
                      <time dateTime={visit.startsAt}>{timeOf(visit.startsAt, timeZone)}</time>
                    </p>
                    <p>
                      <Link
                        href={`/appointments/${visit.id}`}
                        className="font-medium text-teal-800 underline hover:text-teal-900"
                      >
                        {visit.patient.name}
                      </Link>
                    </p>
                    <p className="text-slate-700">{APPOINTMENT_KIND_WORDS[visit.kind]}</p>
                    {visit.status === 'SCHEDULED' ? null : <StatusBadge status={visit.status} />}
                    <HeadlineChips headline={visit.headline} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
