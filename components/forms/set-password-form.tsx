'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef, useState, type Ref } from 'react';
import type { z } from 'zod';
import { TextField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { buttonClass } from '@/components/ui/button';
import { ApiProblem, apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { SetPasswordInput } from '@/lib/schemas/admin';
import type { SetPasswordFormSchema } from './set-password-schema';

type FormValues = z.input<typeof SetPasswordFormSchema>;

/** Why a link cannot be used, said calmly, with what to do next. */
export function InvalidLinkMessage({ headingRef }: { headingRef?: Ref<HTMLHeadingElement> }) {
  return (
    <div className="space-y-3">
      <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-slate-900">
        This link cannot be used
      </h2>
      <p className="text-slate-700">
        Set-password links work only once, and only for 72 hours. This one has already been used,
        has expired, or was not copied in full. Your account is safe.
      </p>
      <p className="text-slate-700">
        Please ask your administrator for a new link. If you have already set your password, you can
        sign in.
      </p>
      <Link href="/sign-in" className={buttonClass('secondary')}>
        Go to sign in
      </Link>
    </div>
  );
}

/** The new password, twice; on success, a link to sign in. */
export function SetPasswordForm({ token }: { token: string }) {
  const [outcome, setOutcome] = useState<'done' | 'invalid-link' | null>(null);
  const [showPasswords, setShowPasswords] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useSchemaForm(
    () => import('./set-password-schema').then((m) => m.SetPasswordFormSchema),
    {
      defaultValues: { token, password: '', confirmPassword: '' } satisfies FormValues,
    },
  );

  const mutation = useMutation({
    mutationKey: queryKeys.setPassword,
    mutationFn: (input: SetPasswordInput) =>
      apiFetch<void>('/api/v1/set-password', { method: 'POST', body: input }),
    onSuccess: () => {
      setOutcome('done');
      // The used token has no business staying in the address bar or the history.
      window.history.replaceState(null, '', '/set-password');
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.errors.some((e) => e.path === 'token')) {
        setOutcome('invalid-link');
        return;
      }
      form.showProblem(error);
    },
  });

  useEffect(() => {
    if (outcome) headingRef.current?.focus();
  }, [outcome]);

  if (outcome === 'invalid-link') return <InvalidLinkMessage headingRef={headingRef} />;
  if (outcome === 'done') return <PasswordSet headingRef={headingRef} />;

  const passwordType = showPasswords ? 'text' : 'password';
  return (
    <SchemaForm
      form={form}
      busy={mutation.isPending}
      onSubmit={({ token: linkToken, password }) => mutation.mutate({ token: linkToken, password })}
    >
      <input type="hidden" {...form.register('token')} />
      <TextField
        name="password"
        label="New password"
        hint="At least 12 characters. A few unrelated words together are easy to remember and hard to guess."
        type={passwordType}
        autoComplete="new-password"
      />
      <TextField
        name="confirmPassword"
        label="New password again"
        type={passwordType}
        autoComplete="new-password"
      />
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={showPasswords}
          onChange={(event) => setShowPasswords(event.target.checked)}
          className="h-4 w-4 accent-teal-700"
        />
        Show the passwords
      </label>
      <SubmitButton pendingLabel="Setting your password…" className="w-full py-3 text-base">
        Set password
      </SubmitButton>
    </SchemaForm>
  );
}

function PasswordSet({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  return (
    <div className="space-y-3">
      <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-slate-900">
        Your password is set
      </h2>
      <p className="text-slate-700">You can now sign in with your email and your new password.</p>
      <Link href="/sign-in" className={buttonClass('primary')}>
        Sign in
      </Link>
    </div>
  );
}
