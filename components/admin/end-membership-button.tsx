'use client';

import { ConfirmedActionButton } from '@/components/forms/confirmed-action-button';
import { queryKeys } from '@/lib/query-keys';

/** "End membership" of one clinician on one patient's care team, after a confirmation. */
export function EndMembershipButton({
  patientId,
  patientName,
  membershipId,
  clinicianName,
}: {
  patientId: string;
  patientName: string;
  membershipId: string;
  clinicianName: string;
}) {
  return (
    <ConfirmedActionButton
      path={`/api/v1/patients/${encodeURIComponent(patientId)}/care-team/${encodeURIComponent(membershipId)}/end`}
      mutationKey={queryKeys.patients.endCareTeamMembership(patientId, membershipId)}
      label={
        <>
          End membership<span className="sr-only"> of {clinicianName}</span>
        </>
      }
      title={`Remove ${clinicianName} from ${patientName}’s care team?`}
      confirmLabel="End membership"
      pendingLabel="Ending…"
    >
      <p>
        {clinicianName} will no longer see {patientName}’s record, from their next click on. What
        they wrote before stays in the record. You can add them again later.
      </p>
    </ConfirmedActionButton>
  );
}
