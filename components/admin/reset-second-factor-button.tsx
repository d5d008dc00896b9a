'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { apiFetch, problemMessage } from '@/lib/api-client';

/** "Reset two-step" for one account, after a confirmation that says what happens. */
export function ResetSecondFactorButton({ userId, name }: { userId: string; name: string }) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      apiFetch(`/api/v1/users/${encodeURIComponent(userId)}/second-factor/reset`, {
        method: 'POST',
      }),
    onSuccess: () => {
      setIsOpen(false);
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
        Reset<span className="sr-only"> {name}’s two-step sign-in</span>
      </Button>
      <ConfirmDialog
        open={isOpen}
        title={`Reset ${name}’s two-step sign-in?`}
        confirmLabel="Reset two-step sign-in"
        pendingLabel="Resetting…"
        isPending={mutation.isPending}
        error={mutation.isError ? problemMessage(mutation.error) : null}
        onConfirm={() => mutation.mutate()}
        onCancel={() => setIsOpen(false)}
      >
        <p>
          {name} will be signed out everywhere. Their authenticator app and recovery codes stop
          working, and they set up two-step sign-in again (at their next sign-in, when your
          organization requires it). Only do this once you are sure it is them asking.
        </p>
      </ConfirmDialog>
    </>
  );
}
