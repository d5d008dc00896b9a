import { EndMembershipButton } from '@/components/admin/end-membership-button';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate, roleLabel } from '@/lib/format';
import type { CareTeamMember } from '@/lib/schemas/patients';

/** The active members of one patient's care team, each with "End membership". */
export function CareTeamMembers({
  patientId,
  patientName,
  members,
}: {
  patientId: string;
  patientName: string;
  members: CareTeamMember[];
}) {
  if (members.length === 0) {
    return (
      <EmptyState title="No one is on this care team">
        <p>Add a prescriber or a therapist below. Until then, no clinician can see this patient.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="divide-y divide-slate-200">
      {members.map((member) => (
        <li
          key={member.membershipId}
          className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3"
        >
          <div>
            <p className="font-medium text-slate-900">{member.name}</p>
            <p className="text-sm text-slate-600">
              {roleLabel(member.role)}, on the team since {formatDate(member.startedAt)}
            </p>
            {member.isActive ? null : (
              <p className="text-sm font-medium text-amber-900">
                Account disabled: no longer active. Add another{' '}
                {roleLabel(member.role).toLowerCase()} below, then end this membership.
              </p>
            )}
          </div>
          <EndMembershipButton
            patientId={patientId}
            patientName={patientName}
            membershipId={member.membershipId}
            clinicianName={member.name}
          />
        </li>
      ))}
    </ul>
  );
}
