'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch, problemMessage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/**
 * After sign-in: how many attempts to sign in to this account failed since the previous sign-in,
 * what to do if that was not the owner, and a way to dismiss it until it has news again.
 */
export function SignInNotice({ failedAttempts }: { failedAttempts: number }) {
  const [dismissed, setDismissed] = useState(false);
  const mutation = useMutation({
    mutationKey: queryKeys.me.dismissSignInNotice,
    mutationFn: () => apiFetch<void>('/api/v1/me/sign-in-notice', { method: 'DELETE' }),
    onSuccess: () => setDismissed(true),
  });
  if (dismissed) return null;
  const attempts =
    failedAttempts === 1 ? 'was 1 failed attempt' : `were ${failedAttempts} failed attempts`;
  return (
    <section
      aria-labelledby="sign-in-notice-heading"
      className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <h2 id="sign-in-notice-heading" className="font-semibold">
        Failed attempts to sign in to your account
      </h2>
      <p className="mt-1">
        There {attempts} to sign in to your account since you last signed in. If that wasn’t you,
        your password kept your account safe; if you think someone else knows it, ask your clinic’s
        administrator for a link to set a new one.
      </p>
      {mutation.isError ? (
        <p role="alert" className="mt-2 font-medium text-red-800">
          {problemMessage(mutation.error)}
        </p>
      ) : null}
      <div className="mt-3">
        <Button
          variant="secondary"
          className="px-3 py-1.5"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate()}
        >
          {mutation.isPending ? 'Dismissing…' : 'Dismiss'}
          <span className="sr-only"> the notice of failed sign-in attempts</span>
        </Button>
      </div>
    </section>
  );
}
