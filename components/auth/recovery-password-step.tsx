'use client';

import { useId, type RefObject } from 'react';
import { inputClass } from '@/components/ui/field';

type RecoveryPasswordStepProps = {
  /** Fixed to the account the page was rendered for: shown, not typed. */
  email: string;
  passwordRef: RefObject<HTMLInputElement | null>;
  /** The password was refused. */
  invalid: boolean;
  /** The id of the dialog's error message while there is one, for aria-describedby. */
  errorId: string | undefined;
};

/** The in-place sign-in's first step: the account's email, read-only, and its password. */
export function RecoveryPasswordStep({
  email,
  passwordRef,
  invalid,
  errorId,
}: RecoveryPasswordStepProps) {
  const ids = { email: useId(), password: useId() };
  return (
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
          aria-invalid={invalid || undefined}
          aria-describedby={errorId}
          className={inputClass}
        />
      </div>
    </>
  );
}
