'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { apiFetch, problemMessage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { CareTeamMember } from '@/lib/schemas/patients';

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
  const router = useRouter();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const mutation = useMutation({
    mutationKey: queryKeys.patients.endCareTeamMembership(patientId, membershipId),
    mutationFn: () =>
      apiFetch<{ member: CareTeamMember }>(
        `/api/v1/patients/${encodeURIComponent(patientId)}/care-team/${encodeURIComponent(membershipId)}/end`,
        { method: 'POST' },
      ),
    onSuccess: async () => {
      setIsOpen(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.patients.detail(patientId) });
      router.refresh();
    },
  });

  return (
    <>
      <Button
        variant="secondary"
        className="px-3 py-1.5"
        onClick={() => {
          mutation.reset();
          setIsOpen(true);
        }}
      >
        End membership<span className="sr-only"> of {clinicianName}</span>
      </Button>
      <ConfirmDialog
        open={isOpen}
        title={`Remove ${clinicianName} from ${patientName}’s care team?`}
        confirmLabel="End membership"
        pendingLabel="Ending…"
        isPending={mutation.isPending}
        error={mutation.isError ? problemMessage(mutation.error) : null}
        onConfirm={() => mutation.mutate()}
        onCancel={() => setIsOpen(false)}
      >
        <p>
          {clinicianName} will no longer see {patientName}’s record, from their next click on. What
          they wrote before stays in the record. You can add them again later.
        </p>
      </ConfirmDialog>
    </>
  );
}
