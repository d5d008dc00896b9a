import { EmptyState } from '@/components/ui/empty-state';
import { careRoleText } from '@/components/my-care/plain-language';
import type { CareTeamMember } from '@/lib/data/my-care';

/** Who looks after the patient, and what each person does. */
export function CareTeamList({ members }: { members: CareTeamMember[] }) {
  if (members.length === 0) {
    return (
      <EmptyState title="No one is on your care team yet">
        <p>Your clinic will add your prescriber and therapist here.</p>
      </EmptyState>
    );
  }
  // Whoever still looks after the patient comes first.
  const ordered = [...members.filter((m) => m.isActive), ...members.filter((m) => !m.isActive)];
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {ordered.map((member) => (
        <li key={member.id} className="rounded-lg border border-slate-200 p-4">
          <p className="font-medium text-slate-900">{member.name}</p>
          {member.isActive ? (
            <p className="mt-1 text-sm text-slate-600">{careRoleText(member.role)}</p>
          ) : (
            <p className="mt-1 text-sm text-slate-700">
              No longer active on your care team. Your clinic will arrange someone else to take
              over.
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
