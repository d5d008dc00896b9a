'use client';

import { useId, useState } from 'react';

const inputClass =
  'block w-full rounded-md border border-slate-500 bg-white px-3 py-2.5 text-base text-slate-900 ' +
  'shadow-sm placeholder:text-slate-500 focus-visible:border-teal-700 focus-visible:outline-2 ' +
  'focus-visible:outline-offset-2 focus-visible:outline-teal-700 aria-invalid:border-red-700';

type SecondFactorStepProps = {
  invalid: boolean;
  /** The id of the form's error message, for aria-describedby. */
  errorId: string;
  /** Back to the password, as another account; absent where the account is fixed. */
  onStartOver?: () => void;
};

/**
 * The sign-in form's second step, after a right password for an account with a second factor:
 * the code from the authenticator app, or a recovery code. The form posts it as `code`. Used by
 * the sign-in page and by the in-place sign-in of a signed-in page (SessionRecovery).
 */
export function SecondFactorStep({ invalid, errorId, onStartOver }: SecondFactorStepProps) {
  const [useRecovery, setUseRecovery] = useState(false);
  const ids = { code: useId(), hint: useId() };
  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <label htmlFor={ids.code} className="block text-sm font-medium text-slate-900">
          {useRecovery ? 'Recovery code' : 'Code from your authenticator app'}
        </label>
        <p id={ids.hint} className="text-sm text-slate-600">
          {useRecovery
            ? 'One of the recovery codes you saved, like ABCD-EFGH-JKMN-PQRS. Each works once.'
            : 'Open your authenticator app and enter the 6-digit code it shows for Triad.'}
        </p>
        <input
          key={useRecovery ? 'recovery' : 'totp'}
          id={ids.code}
          name="code"
          type="text"
          inputMode={useRecovery ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          autoCapitalize={useRecovery ? 'characters' : 'none'}
          spellCheck={false}
          autoFocus
          required
          maxLength={useRecovery ? 40 : 7}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${errorId} ${ids.hint}` : ids.hint}
          className={inputClass}
        />
      </div>
      <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <button
          type="button"
          onClick={() => setUseRecovery((value) => !value)}
          className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
        >
          {useRecovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
        </button>
        {onStartOver ? (
          <button
            type="button"
            onClick={onStartOver}
            className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
          >
            Sign in as someone else
          </button>
        ) : null}
      </div>
    </div>
  );
}
