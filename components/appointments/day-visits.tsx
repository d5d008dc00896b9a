import Link from 'next/link';
import { HeadlineChips } from '@/components/appointments/headline-chips';
import { timeOf } from '@/lib/visit-time';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import type { DayVisit } from '@/lib/data/appointments/day';
import type { AppointmentStatus } from '@/lib/schemas/appointments';
import {
  APPOINTMENT_KIND_WORDS,
  APPOINTMENT_MODALITY_WORDS,
  APPOINTMENT_STATUS_WORDS,
} from '@/lib/schemas/appointments-values';

const STATUS_TONES: Record<AppointmentStatus, BadgeTone> = {
  SCHEDULED: 'neutral',
  CHECKED_IN: 'teal',
  COMPLETED: 'teal',
  NO_SHOW: 'orange',
  CANCELLED: 'neutral',
};

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{APPOINTMENT_STATUS_WORDS[status]}</Badge>;
}

/** The day's sessions in order: when, who, what, and what changed since the last session. */
export function DayVisits({ visits, timeZone }: { visits: DayVisit[]; timeZone: string }) {
  return (
    <ol className="divide-y divide-slate-200" aria-label="Sessions, earliest first">
      {visits.map((visit) => (
        <li key={visit.id} className="py-4 first:pt-0 last:pb-0">
          <div className="flex flex-col gap-3 sm:flex-row sm:gap-6">
            <p className="shrink-0 font-semibold text-slate-900 tabular-nums sm:w-36">
              <time dateTime={visit.startsAt}>{timeOf(visit.startsAt, timeZone)}</time>
              <span className="font-normal text-slate-600">
                {' '}
                – <time dateTime={visit.endsAt}>{timeOf(visit.endsAt, timeZone)}</time>
              </span>
            </p>
            <div className="min-w-0 flex-1 space-y-2">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <h3 className="font-semibold text-slate-900">{visit.patient.name}</h3>
                <StatusBadge status={visit.status} />
              </div>
              <p className="text-sm text-slate-700">
                {APPOINTMENT_KIND_WORDS[visit.kind]} · {APPOINTMENT_MODALITY_WORDS[visit.modality]}
                {visit.location ? ` · ${visit.location}` : ''}
              </p>
              <HeadlineChips headline={visit.headline} />
              <div className="flex flex-wrap gap-2 pt-1">
                <Link
                  href={`/patients/${visit.patient.id}`}
                  className={buttonClass('secondary', 'px-3 py-1.5')}
                >
                  Open brief<span className="sr-only"> for {visit.patient.name}</span>
                </Link>
                <Link
                  href={`/appointments/${visit.id}`}
                  className={buttonClass('quiet', 'px-3 py-1.5')}
                >
                  Open visit
                  <span className="sr-only">
                    {' '}
                    with {visit.patient.name} at {timeOf(visit.startsAt, timeZone)}
                  </span>
                </Link>
              </div>
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
