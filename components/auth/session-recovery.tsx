'use client';

import { useId, useRef, type RefObject } from 'react';
import { RecoveryPasswordStep } from '@/components/auth/recovery-password-step';
import { SecondFactorStep } from '@/components/auth/second-factor-step';
import { signInErrorMessage } from '@/components/auth/sign-in-messages';
import { useRecoveryDialog } from '@/components/auth/use-recovery-dialog';
import { useRecoverySignIn, type RecoverySignIn } from '@/components/auth/use-recovery-sign-in';
import { Button } from '@/components/ui/button';

/**
 * The in-place sign-in of a signed-in page: when a person's API request meets an ended session,
 * apiFetch asks here; a modal (the style of ConfirmDialog) takes the password of the same account,
 * signs in with next-auth without leaving the page, and lets every waiting request go again. The
 * forms behind it stay mounted, so nothing typed is lost. An account with a second factor is asked
 * for its code in the same dialog after a right password, as on the sign-in page.
 * SECURITY: the email is fixed to the account the page was rendered for, and the new session is
 * checked to be that account's before any request is re-sent (useRecoverySignIn), so a form never
 * sends one person's words under another's name.
 */
export function SessionRecovery({ userId, email }: { userId: string; email: string }) {
  const passwordRef = useRef<HTMLInputElement>(null);
  const { open, dialogRef, close } = useRecoveryDialog(passwordRef);
  const recovery = useRecoverySignIn({ userId, email, passwordRef, onClose: close });
  const ids = { title: useId(), body: useId() };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={ids.title}
      aria-describedby={ids.body}
      onCancel={(event) => {
        event.preventDefault();
        if (!recovery.pending) recovery.close(false);
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      {/* Only while open: a closed dialog would put a second Email field on every page. */}
      {open ? (
        <RecoveryForm
          recovery={recovery}
          email={email}
          passwordRef={passwordRef}
          titleId={ids.title}
          bodyId={ids.body}
        />
      ) : null}
    </dialog>
  );
}

type RecoveryFormProps = {
  recovery: RecoverySignIn;
  email: string;
  passwordRef: RefObject<HTMLInputElement | null>;
  titleId: string;
  bodyId: string;
};

/** The dialog's form: why it is asked, the refusal if any, the step shown now, and its buttons. */
function RecoveryForm({ recovery, email, passwordRef, titleId, bodyId }: RecoveryFormProps) {
  const { formRef, pending, error, codeStep, onSubmit, close } = recovery;
  const errorId = useId();
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={onSubmit}
      aria-busy={pending}
      className="px-5 py-5 sm:px-6"
    >
      <h2 id={titleId} className="text-lg font-semibold text-slate-900">
        Sign in again to continue
      </h2>
      <p id={bodyId} className="mt-2 text-sm text-slate-700">
        For your privacy, your session ended. What you typed is still on this page: sign in again
        and Triad sends it.
      </p>
      <div role="alert" id={errorId} aria-atomic="true" className="empty:hidden">
        {error ? (
          <p className="mt-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {signInErrorMessage(error)}
          </p>
        ) : null}
      </div>
      {codeStep ? (
        <div className="mt-4">
          <SecondFactorStep invalid={error?.kind === 'second-factor-invalid'} errorId={errorId} />
        </div>
      ) : (
        <RecoveryPasswordStep
          email={email}
          passwordRef={passwordRef}
          invalid={error?.kind === 'credentials'}
          errorId={error ? errorId : undefined}
        />
      )}
      <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={() => close(false)} disabled={pending}>
          Not now
        </Button>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? 'Signing in…' : codeStep ? 'Verify and continue' : 'Sign in and continue'}
        </Button>
      </div>
    </form>
  );
}
