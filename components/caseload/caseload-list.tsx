import Link from 'next/link';
import { FlagBadges } from '@/components/caseload/flag-badges';
import { UnreadBadge } from '@/components/caseload/unread-badge';
import { Phq9Score } from '@/components/caseload/phq9-score';
import type { CaseloadPatient } from '@/lib/data/caseload';
import { ageOn, formatDate, relativeDay } from '@/lib/format';

const columns =
  'md:grid md:grid-cols-[minmax(0,2fr)_minmax(0,0.6fr)_minmax(0,1.2fr)_minmax(0,1.6fr)] md:items-center md:gap-4';

/**
 * One row per patient. A list rather than a table so that each patient reads as a card on a
 * phone; on wider screens the labels hide behind a header row and the rows line up as columns.
 */
export function CaseloadList({ patients, now }: { patients: CaseloadPatient[]; now: Date }) {
  return (
    <div>
      <div
        aria-hidden="true"
        className={`hidden border-b border-slate-200 pb-2 text-xs font-medium tracking-wide text-slate-600 uppercase ${columns}`}
      >
        <span>Patient</span>
        <span>Age</span>
        <span>Last check-in</span>
        <span>Latest PHQ-9</span>
      </div>
      <ul className="divide-y divide-slate-200">
        {patients.map((patient) => (
          <li key={patient.id} className={`py-4 ${columns}`}>
            <div className="font-medium">
              <Link
                href={`/patients/${patient.id}`}
                className="rounded-sm text-teal-800 underline decoration-teal-800/30 hover:decoration-teal-800"
              >
                {patient.name}
              </Link>
              <UnreadBadge count={patient.unreadNotifications} name={patient.name} />
              <FlagBadges flags={patient.flags} />
            </div>
            <dl className="text-sm md:col-span-3 md:grid md:grid-cols-subgrid md:items-center">
              <div className="mt-1 flex gap-2 md:mt-0 md:block">
                <dt className="text-slate-600 md:sr-only">Age</dt>
                <dd className="text-slate-800 tabular-nums">{ageOn(patient.dateOfBirth, now)}</dd>
              </div>
              <div className="mt-1 flex gap-2 md:mt-0 md:block">
                <dt className="text-slate-600 md:sr-only">Last check-in</dt>
                <dd className="text-slate-800">
                  {patient.lastCheckInDate ? (
                    <time
                      dateTime={patient.lastCheckInDate}
                      title={formatDate(patient.lastCheckInDate)}
                    >
                      {relativeDay(patient.lastCheckInDate, now)}
                    </time>
                  ) : (
                    <span className="text-slate-600 italic">none yet</span>
                  )}
                </dd>
              </div>
              <div className="mt-1 flex items-center gap-2 md:mt-0 md:block">
                <dt className="text-slate-600 md:sr-only">Latest PHQ-9</dt>
                <dd className="text-slate-800">
                  {patient.latestPhq9 ? (
                    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <Phq9Score
                        score={patient.latestPhq9.score}
                        severity={patient.latestPhq9.severity}
                      />
                      <time
                        dateTime={patient.latestPhq9.completedAt}
                        className="text-xs text-slate-600"
                      >
                        {formatDate(patient.latestPhq9.completedAt)}
                      </time>
                    </span>
                  ) : (
                    <span className="text-slate-600 italic">none yet</span>
                  )}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}
