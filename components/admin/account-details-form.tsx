'use client';

import { SignInEmailField } from '@/components/admin/sign-in-email-field';
import { SuccessNotice } from '@/components/forms/success-notice';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { TextField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { apiFetch, problemMessage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { AccountResult } from '@/lib/schemas/admin';
import type { DetailsInput } from './account-details-schema';

/**
 * Admins: an account's name and sign-in email. A new email is confirmed first, since the holder
 * must use it from their next sign-in on.
 */
export function AccountDetailsForm({
  userId,
  name,
  email,
}: {
  userId: string;
  name: string;
  email: string;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState<DetailsInput | null>(null);
  const form = useSchemaForm(() => import('./account-details-schema').then((m) => m.DetailsInput), {
    defaultValues: { name, email },
  });

  const mutation = useMutation({
    mutationKey: queryKeys.users.update(userId),
    mutationFn: (input: DetailsInput) =>
      apiFetch<AccountResult>(`/api/v1/users/${encodeURIComponent(userId)}`, {
        method: 'PATCH',
        body: input,
      }),
    onSuccess: async (result) => {
      setPending(null);
      setSaved(true);
      form.reset({ name: result.user.name, email: result.user.email });
      router.refresh();
    },
    onError: (error) => {
      setPending(null);
      form.showProblem(error);
    },
  });

  return (
    <SchemaForm
      form={form}
      busy={mutation.isPending}
      onSubmit={(input) => {
        setSaved(false);
        if (input.email.trim().toLowerCase() !== email) setPending(input);
        else mutation.mutate(input);
      }}
    >
      <SuccessNotice>{saved ? 'Saved.' : null}</SuccessNotice>
      <TextField name="name" label="Full name" autoComplete="off" />
      <SignInEmailField />
      <SubmitButton pendingLabel="Saving…">Save name and email</SubmitButton>
      <EmailChangeDialog
        name={name}
        email={email}
        next={pending?.email}
        isPending={mutation.isPending}
        error={mutation.isError ? problemMessage(mutation.error) : null}
        onConfirm={() => pending && mutation.mutate(pending)}
        onCancel={() => setPending(null)}
      />
    </SchemaForm>
  );
}

/** A new sign-in email is confirmed first: its holder must use it from their next sign-in on. */
function EmailChangeDialog({
  name,
  email,
  next,
  ...dialog
}: {
  name: string;
  email: string;
  next: string | undefined;
  isPending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog
      open={next !== undefined}
      title={`Change the sign-in email of ${name}?`}
      confirmLabel="Change email"
      pendingLabel="Saving…"
      tone="primary"
      {...dialog}
    >
      <p>
        From their next sign-in on, {name} signs in with{' '}
        <strong className="break-all">{next?.trim().toLowerCase()}</strong>; {email} stops working.
        Tell them before they next sign in.
      </p>
    </ConfirmDialog>
  );
}
