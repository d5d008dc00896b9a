'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { applyProblem } from '@/components/forms/apply-problem';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, inputClass } from '@/components/ui/field';
import { apiFetch, problemMessage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { AccountResult } from '@/lib/schemas/admin';
import { Email, PersonName } from '@/lib/schemas/common';

const DetailsInput = z.object({ name: PersonName, email: Email });
type DetailsInput = z.infer<typeof DetailsInput>;
const FIELDS = ['name', 'email'] as const;

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
  const queryClient = useQueryClient();
  const id = useId();
  const [summary, setSummary] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState<DetailsInput | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<DetailsInput>({
    resolver: zodResolver(DetailsInput),
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
      reset({ name: result.user.name, email: result.user.email });
      await queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
      router.refresh();
    },
    onError: (error) => {
      setPending(null);
      setSummary(applyProblem(error, setError, FIELDS));
    },
  });

  return (
    <form
      noValidate
      aria-busy={mutation.isPending}
      className="space-y-5"
      onSubmit={handleSubmit((input) => {
        setSummary([]);
        setSaved(false);
        if (input.email.trim().toLowerCase() !== email) setPending(input);
        else mutation.mutate(input);
      })}
    >
      <FormAlert id={`${id}-alert`} messages={summary} />
      {saved ? (
        <p
          role="status"
          className="rounded-md border border-teal-200 bg-teal-50 px-4 py-3 text-sm text-teal-900"
        >
          Saved.
        </p>
      ) : null}
      <Field id={`${id}-name`} label="Full name" error={errors.name?.message}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            className={inputClass}
            {...register('name')}
          />
        )}
      </Field>
      <Field
        id={`${id}-email`}
        label="Email"
        hint="They sign in with this address."
        error={errors.email?.message}
      >
        {(control) => (
          <input
            {...control}
            type="email"
            inputMode="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            className={inputClass}
            {...register('email')}
          />
        )}
      </Field>
      <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
        {mutation.isPending ? 'Saving…' : 'Save name and email'}
      </Button>
      <ConfirmDialog
        open={pending !== null}
        title={`Change the sign-in email of ${name}?`}
        confirmLabel="Change email"
        pendingLabel="Saving…"
        tone="primary"
        isPending={mutation.isPending}
        error={mutation.isError ? problemMessage(mutation.error) : null}
        onConfirm={() => pending && mutation.mutate(pending)}
        onCancel={() => setPending(null)}
      >
        <p>
          From their next sign-in on, {name} signs in with{' '}
          <strong className="break-all">{pending?.email.trim().toLowerCase()}</strong>; {email}{' '}
          stops working. Tell them before they next sign in.
        </p>
      </ConfirmDialog>
    </form>
  );
}
