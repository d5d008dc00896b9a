'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { apiFetch, problemMessage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { UserSummary } from '@/lib/schemas/admin';

/** "Disable" for one account, after a confirmation that names the person and what happens. */
export function DisableAccountButton({ userId, name }: { userId: string; name: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const mutation = useMutation({
    mutationKey: queryKeys.users.disable(userId),
    mutationFn: () =>
      apiFetch<{ user: UserSummary }>(`/api/v1/users/${encodeURIComponent(userId)}/disable`, {
        method: 'POST',
      }),
    onSuccess: async () => {
      setIsOpen(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
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
        Disable<span className="sr-only"> {name}’s account</span>
      </Button>
      <ConfirmDialog
        open={isOpen}
        title={`Disable ${name}’s account?`}
        confirmLabel="Disable account"
        pendingLabel="Disabling…"
        isPending={mutation.isPending}
        error={mutation.isError ? problemMessage(mutation.error) : null}
        onConfirm={() => mutation.mutate()}
        onCancel={() => setIsOpen(false)}
      >
        <p>
          {name} will be signed out everywhere at once, and will not be able to sign in again. Their
          care-team places and their records stay as they are.
        </p>
      </ConfirmDialog>
    </>
  );
}
