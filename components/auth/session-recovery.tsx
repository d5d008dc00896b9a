'use client';

import { getSession, signIn } from 'next-auth/react';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { SecondFactorStep } from '@/components/auth/second-factor-step';
import { signInErrorMessage } from '@/components/auth/sign-in-messages';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { setSessionRecovery } from '@/lib/api-client';
import { parseSignInError, type SignInError } from '@/lib/auth/session-policy';

/**
 * The in-place sign-in of a signed-in page: when a person's API request meets an ended session,
 * apiFetch asks here; a modal (the style of ConfirmDialog) takes the password of the same account,
 * signs in with next-auth without leaving the page, and lets every waiting request go again. The
 * forms behind it stay mounted, so nothing typed is lost. An account with a second factor is asked
 * for its code in the same dialog after a right password, as on the sign-in page.
 * SECURITY: the email is fixed to the account the page was rendered for, and the new session is
 * checked to be that account's before any request is re-sent, so a form never sends one person's
 * words under another's name.
 */
export function SessionRecovery({ userId, email }: { userId: string; email: string }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<SignInError | null>(null);
  // After a right password for an account with a second factor: the password waits here, never in
  // the page, while the code is asked for, and is sent again with it (next-auth keeps no state).
  const [codeStep, setCodeStep] = useState(false);
  const heldPassword = useRef<string | null>(null);
  // Moves on after each refusal, so focus goes to the field to fix once it is rendered.
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const waiting = useRef<((signedIn: boolean) => void)[]>([]);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const ids = { title: useId(), body: useId(), email: useId(), password: useId(), error: useId() };

  // The answer for the waiting requests, given once the dialog has closed and focus has gone back,
  // so a form's own reaction (its alert taking focus) comes after.
  const outcome = useRef(false);

  const release = useCallback((signedIn: boolean) => {
    const resolvers = waiting.current;
    waiting.current = [];
    for (const resolve of resolvers) resolve(signedIn);
  }, []);

  const settle = useCallback((signedIn: boolean) => {
    outcome.current = signedIn;
    setOpen(false);
    setPending(false);
    setError(null);
    setCodeStep(false);
    heldPassword.current = null;
  }, []);

  useEffect(() => {
    setSessionRecovery(
      () =>
        new Promise<boolean>((resolve) => {
          waiting.current.push(resolve);
          outcome.current = false;
          setOpen(true);
        }),
    );
    return () => {
      setSessionRecovery(null);
      release(false);
    };
  }, [release]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocusTo.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      passwordRef.current?.focus();
    } else if (!open) {
      if (dialog.open) {
        dialog.close();
        returnFocusTo.current?.focus();
      }
      release(outcome.current);
    }
  }, [open, release]);

  useEffect(() => {
    if (refusals === 0) return;
    // Whichever step is shown now: the code field, else the password.
    (
      formRef.current?.querySelector<HTMLInputElement>('input[name="code"]') ?? passwordRef.current
    )?.focus();
  }, [refusals]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const codeField = event.currentTarget.querySelector<HTMLInputElement>('input[name="code"]');
    const password = heldPassword.current ?? passwordRef.current?.value ?? '';
    const code = codeStep ? (codeField?.value ?? '') : undefined;
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        redirect: false,
        email,
        password,
        ...(code === undefined ? {} : { code }),
      });
      if (!result?.ok || result.error) {
        const refusal = parseSignInError(result?.error) ?? { kind: 'unavailable' };
        const askCode =
          refusal.kind === 'second-factor-required' || refusal.kind === 'second-factor-invalid';
        heldPassword.current = askCode ? password : null;
        setCodeStep(askCode);
        setError(refusal.kind === 'second-factor-required' ? null : refusal);
        if (codeField) codeField.value = '';
        if (passwordRef.current) passwordRef.current.value = '';
        setRefusals((count) => count + 1);
        setPending(false);
        return;
      }
      const session = await getSession();
      if (session?.user?.id !== userId) {
        // Another account is signed in in this browser now: nothing of this page may be sent.
        window.location.reload();
        return;
      }
      if (passwordRef.current) passwordRef.current.value = '';
      settle(true);
    } catch {
      setError({ kind: 'unavailable' });
      setPending(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={ids.title}
      aria-describedby={ids.body}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) settle(false);
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      {/* Only while open: a closed dialog would put a second Email field on every page. */}
      {open ? (
        <form
          ref={formRef}
          noValidate
          onSubmit={onSubmit}
          aria-busy={pending}
          className="px-5 py-5 sm:px-6"
        >
          <h2 id={ids.title} className="text-lg font-semibold text-slate-900">
            Sign in again to continue
          </h2>
          <p id={ids.body} className="mt-2 text-sm text-slate-700">
            For your privacy, your session ended. What you typed is still on this page: sign in
            again and Triad sends it.
          </p>
          <div role="alert" id={ids.error} aria-atomic="true" className="empty:hidden">
            {error ? (
              <p className="mt-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
                {signInErrorMessage(error)}
              </p>
            ) : null}
          </div>
          {codeStep ? (
            <div className="mt-4">
              <SecondFactorStep
                invalid={error?.kind === 'second-factor-invalid'}
                errorId={ids.error}
              />
            </div>
          ) : (
            <>
              <div className="mt-4 space-y-1.5">
                <label htmlFor={ids.email} className="block text-sm font-medium text-slate-900">
                  Email
                </label>
                <input
                  id={ids.email}
                  name="email"
                  type="email"
                  autoComplete="username"
                  value={email}
                  readOnly
                  className={`${inputClass} bg-slate-50`}
                />
              </div>
              <div className="mt-4 space-y-1.5">
                <label htmlFor={ids.password} className="block text-sm font-medium text-slate-900">
                  Password
                </label>
                <input
                  ref={passwordRef}
                  id={ids.password}
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  required
                  aria-invalid={error?.kind === 'credentials' || undefined}
                  aria-describedby={error ? ids.error : undefined}
                  className={inputClass}
                />
              </div>
            </>
          )}
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => settle(false)} disabled={pending}>
              Not now
            </Button>
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? 'Signing in…' : codeStep ? 'Verify and continue' : 'Sign in and continue'}
            </Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
