'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { apiFetch, problemMessage } from '@/lib/api-client';
import type { OrganizationSecurity } from '@/lib/schemas/security';

/** The organization's "require two-step sign-in" switch, confirmed before it changes. */
export function RequireSecondFactorSetting({ initial }: { initial: boolean }) {
  const router = useRouter();
  const [required, setRequired] = useState(initial);
  const [isOpen, setIsOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: (next: boolean) =>
      apiFetch<OrganizationSecurity>('/api/v1/organization/security', {
        method: 'PUT',
        body: { requireSecondFactor: next },
      }),
    onSuccess: (result) => {
      setRequired(result.requireSecondFactor);
      setIsOpen(false);
      router.refresh();
    },
  });

  return (
    <div className="space-y-4">
      <p className="text-slate-900" role="status">
        {required
          ? 'Required: every prescriber, therapist and admin signs in with two steps.'
          : 'Not required: each person may choose to set it up.'}
      </p>
      {mutation.isError && !isOpen ? (
        <FormAlert messages={[problemMessage(mutation.error)]} />
      ) : null}
      <Button
        variant={required ? 'secondary' : 'primary'}
        onClick={() => {
          mutation.reset();
          setIsOpen(true);
        }}
      >
        {required ? 'Stop requiring two-step sign-in' : 'Require two-step sign-in'}
      </Button>
      <ConfirmDialog
        open={isOpen}
        tone={required ? 'danger' : 'primary'}
        title={required ? 'Stop requiring two-step sign-in?' : 'Require two-step sign-in?'}
        confirmLabel={required ? 'Stop requiring it' : 'Require it'}
        pendingLabel="Saving…"
        isPending={mutation.isPending}
        error={mutation.isError ? problemMessage(mutation.error) : null}
        onConfirm={() => mutation.mutate(!required)}
        onCancel={() => setIsOpen(false)}
      >
        <p>
          {required
            ? 'People who set it up keep it; nobody new is asked to.'
            : 'Prescribers, therapists and admins without two-step sign-in, you included if you have not set it up, will be sent to set it up at their next click.'}
        </p>
      </ConfirmDialog>
    </div>
  );
}
