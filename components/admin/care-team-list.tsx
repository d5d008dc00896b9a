import Link from 'next/link';
import type { CareTeamSummary } from '@/lib/data/organization';
import { roleLabel } from '@/lib/format';

/**
 * Each patient and the clinicians on their active care team, with a link to manage the team:
 * assignments only, no clinical content.
 */
export function CareTeamList({ teams }: { teams: CareTeamSummary[] }) {
  return (
    <ul className="divide-y divide-slate-200">
      {teams.map((team) => (
        <li
          key={team.patientId}
          className="py-3 md:grid md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] md:items-start md:gap-4"
        >
          <p className="font-medium text-slate-900">{team.patientName}</p>
          {team.clinicians.length === 0 ? (
            <p className="mt-1 text-sm text-amber-900 md:mt-0">
              No active clinicians: this patient has no care team.
            </p>
          ) : (
            <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800 md:mt-0">
              {team.clinicians.map((clinician) => (
                <li key={clinician.id}>
                  {clinician.name}{' '}
                  <span className="text-slate-600">
                    ({roleLabel(clinician.role).toLowerCase()})
                  </span>
                  {clinician.isActive ? null : (
                    <span className="block font-medium text-amber-900">
                      {clinician.name}’s account is disabled: assign another{' '}
                      {roleLabel(clinician.role).toLowerCase()}.
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <Link
            href={`/admin/patients/${team.patientId}`}
            className="mt-2 inline-block text-sm font-medium text-teal-800 underline md:mt-0"
          >
            Manage care team<span className="sr-only"> of {team.patientName}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
