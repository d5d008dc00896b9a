'use client';

import { useId, useRef, useState, type FormEvent, type Ref } from 'react';
import { inputClass } from '@/components/ui/field';
import { ShowPasswordButton } from '@/components/ui/show-password-button';
import { SecondFactorStep } from '@/components/auth/second-factor-step';
import { signInErrorMessage } from '@/components/auth/sign-in-messages';
import { tryCredentials } from '@/components/auth/try-credentials';
import { safeCallbackPath, type SignInError } from '@/lib/auth/session-policy';
import { homePathFor } from '@/lib/auth/viewer';

type SignInFormProps = {
  /** Already checked on the server to be a path on this origin. */
  callbackUrl: string | null;
  initialError: SignInError | null;
};

/** The email and password form of /sign-in; on success goes to the callback URL or the role's home. */
export function SignInForm({ callbackUrl, initialError }: SignInFormProps) {
  const [error, setError] = useState<SignInError | null>(initialError);
  const [pending, setPending] = useState(false);
  // After a right password for an account with a second factor: the credentials wait here while
  // the code is asked for, and are sent again with it (next-auth keeps no state between posts).
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const ids = { error: useId() };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = credentials?.email ?? String(form.get('email') ?? '');
    const password = credentials?.password ?? String(form.get('password') ?? '');
    const code = credentials ? String(form.get('code') ?? '') : undefined;
    setPending(true);
    setError(null);
    try {
      const outcome = await tryCredentials({ email, password, code });
      if ('refusal' in outcome) {
        const { refusal } = outcome;
        if (refusal.kind === 'second-factor-required' || refusal.kind === 'second-factor-invalid') {
          setCredentials({ email, password });
          setError(refusal.kind === 'second-factor-invalid' ? refusal : null);
          if (code !== undefined) {
            formElement.reset();
            formElement.querySelector<HTMLInputElement>('input[name="code"]')?.focus();
          }
        } else {
          setCredentials(null);
          setError(refusal);
          if (passwordRef.current) passwordRef.current.value = '';
          passwordRef.current?.focus();
        }
        setPending(false);
        return;
      }
      const role = outcome.session?.user?.role ?? null;
      if (role === null) throw new Error('Signed in, but the session has no role.');
      // A full page load, so every server-rendered part sees the new session.
      window.location.assign(safeCallbackPath(callbackUrl) ?? homePathFor(role));
    } catch {
      setError({ kind: 'unavailable' });
      setPending(false);
    }
  }

  return (
    <form method="post" noValidate onSubmit={onSubmit} aria-busy={pending} className="space-y-5">
      <SignInAlert id={ids.error} error={error} />

      {credentials ? (
        <SecondFactorStep
          invalid={error?.kind === 'second-factor-invalid'}
          errorId={ids.error}
          onStartOver={() => {
            setCredentials(null);
            setError(null);
          }}
        />
      ) : (
        <CredentialFields
          invalid={error?.kind === 'credentials'}
          errorId={error ? ids.error : undefined}
          passwordRef={passwordRef}
        />
      )}

      <button
        type="submit"
        disabled={pending}
        className="flex w-full items-center justify-center rounded-md bg-teal-700 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700 disabled:cursor-wait"
      >
        {pending ? 'Signing in…' : credentials ? 'Verify and sign in' : 'Sign in'}
      </button>
    </form>
  );
}

/** Email and password, the password shown on request; both marked when they were refused. */
function CredentialFields({
  invalid,
  errorId,
  passwordRef,
}: {
  invalid: boolean;
  errorId: string | undefined;
  passwordRef: Ref<HTMLInputElement>;
}) {
  const ids = { email: useId(), password: useId() };
  const [showPassword, setShowPassword] = useState(false);
  return (
    <>
      <div className="space-y-1.5">
        <label htmlFor={ids.email} className="block text-sm font-medium text-slate-900">
          Email
        </label>
        <input
          id={ids.email}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-invalid={invalid || undefined}
          aria-describedby={errorId}
          className={inputClass}
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor={ids.password} className="block text-sm font-medium text-slate-900">
          Password
        </label>
        <div className="relative">
          <input
            ref={passwordRef}
            id={ids.password}
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            required
            aria-invalid={invalid || undefined}
            aria-describedby={errorId}
            className={`${inputClass} pr-20`}
          />
          <ShowPasswordButton
            shown={showPassword}
            onToggle={() => setShowPassword((s) => !s)}
            controls={ids.password}
          />
        </div>
      </div>
    </>
  );
}

function SignInAlert({ id, error }: { id: string; error: SignInError | null }) {
  return (
    <div role="alert" id={id} aria-atomic="true">
      {error ? (
        <p className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          {signInErrorMessage(error)}
        </p>
      ) : null}
    </div>
  );
}
