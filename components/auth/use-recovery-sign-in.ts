'use client';

import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { tryCredentials } from '@/components/auth/try-credentials';
import type { SignInError } from '@/lib/auth/session-policy';

type RecoverySignInOptions = {
  /** The account the page was rendered for: the email is fixed, the new session must be its. */
  userId: string;
  email: string;
  passwordRef: RefObject<HTMLInputElement | null>;
  /** Closes the dialog with the answer for the waiting requests. */
  onClose: (signedIn: boolean) => void;
};

/**
 * The in-place sign-in's steps: the password, then (for an account with a second factor) the code.
 * After a right password the password waits here, never in the page, while the code is asked for,
 * and is sent again with it (next-auth keeps no state between posts).
 * SECURITY: the new session is checked to be `userId`'s before the waiting requests go again; if
 * another account is signed in in this browser now, the page reloads and nothing of it is sent.
 */
export function useRecoverySignIn({ userId, email, passwordRef, onClose }: RecoverySignInOptions) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<SignInError | null>(null);
  const [codeStep, setCodeStep] = useState(false);
  const heldPassword = useRef<string | null>(null);
  // Moves on after each refusal, so focus goes to the field to fix once it is rendered.
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (refusals === 0) return;
    // Whichever step is shown now: the code field, else the password.
    (
      formRef.current?.querySelector<HTMLInputElement>('input[name="code"]') ?? passwordRef.current
    )?.focus();
  }, [refusals, passwordRef]);

  function close(signedIn: boolean) {
    setPending(false);
    setError(null);
    setCodeStep(false);
    heldPassword.current = null;
    onClose(signedIn);
  }

  function refused(refusal: SignInError, password: string, codeField: HTMLInputElement | null) {
    const askCode =
      refusal.kind === 'second-factor-required' || refusal.kind === 'second-factor-invalid';
    heldPassword.current = askCode ? password : null;
    setCodeStep(askCode);
    setError(refusal.kind === 'second-factor-required' ? null : refusal);
    if (codeField) codeField.value = '';
    if (passwordRef.current) passwordRef.current.value = '';
    setRefusals((count) => count + 1);
    setPending(false);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const codeField = event.currentTarget.querySelector<HTMLInputElement>('input[name="code"]');
    const password = heldPassword.current ?? passwordRef.current?.value ?? '';
    const code = codeStep ? (codeField?.value ?? '') : undefined;
    setPending(true);
    setError(null);
    try {
      const outcome = await tryCredentials({ email, password, code });
      if ('refusal' in outcome) {
        refused(outcome.refusal, password, codeField);
        return;
      }
      if (outcome.session?.user?.id !== userId) {
        // Another account is signed in in this browser now: nothing of this page may be sent.
        window.location.reload();
        return;
      }
      if (passwordRef.current) passwordRef.current.value = '';
      close(true);
    } catch {
      setError({ kind: 'unavailable' });
      setPending(false);
    }
  }

  return { formRef, pending, error, codeStep, onSubmit, close };
}

export type RecoverySignIn = ReturnType<typeof useRecoverySignIn>;
