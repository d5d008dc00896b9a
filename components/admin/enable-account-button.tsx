'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { apiFetch, problemMessage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { AccountResult } from '@/lib/schemas/admin';

/** "Re-enable" for a disabled account, after a confirmation. */
export function EnableAccountButton({ userId, name }: { userId: string; name: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const mutation = useMutation({
    mutationKey: queryKeys.users.enable(userId),
    mutationFn: () =>
      apiFetch<AccountResult>(`/api/v1/users/${encodeURIComponent(userId)}/enable`, {
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
        onClick={() => {
          mutation.reset();
          setIsOpen(true);
        }}
      >
        Re-enable<span className="sr-only"> {name}’s account</span>
      </Button>
      <ConfirmDialog
        open={isOpen}
        title={`Re-enable ${name}’s account?`}
        confirmLabel="Re-enable account"
        pendingLabel="Re-enabling…"
        tone="primary"
        isPending={mutation.isPending}
        error={mutation.isError ? problemMessage(mutation.error) : null}
        onConfirm={() => mutation.mutate()}
        onCancel={() => setIsOpen(false)}
      >
        <p>
          {name} can sign in again with their password. If they have forgotten it, make them a new
          set-password link afterwards. Care-team places they had are as you left them.
        </p>
      </ConfirmDialog>
    </>
  );
}
