'use client';

import { useId, type RefObject } from 'react';
import { Field, inputClass } from '@/components/ui/field';

type RecoveryPasswordStepProps = {
  /** Fixed to the account the page was rendered for: shown, not typed. */
  email: string;
  passwordRef: RefObject<HTMLInputElement | null>;
  /** The password was refused. */
  invalid: boolean;
  /** The id of the dialog's error message while there is one, for aria-describedby. */
  errorId: string | undefined;
};

/**
 * The in-place sign-in's first step: the account's email, read-only, and its password, labelled
 * by the shared Field (components/ui/field.tsx). The password's refusal is the dialog's alert.
 */
export function RecoveryPasswordStep({
  email,
  passwordRef,
  invalid,
  errorId,
}: RecoveryPasswordStepProps) {
  const ids = { email: useId(), password: useId() };
  return (
    <>
      <div className="mt-4">
        <Field id={ids.email} label="Email">
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autoComplete="username"
              value={email}
              readOnly
              className={`${inputClass} bg-slate-50`}
            />
          )}
        </Field>
      </div>
      <div className="mt-4">
        <Field id={ids.password} label="Password">
          {(control) => (
            <input
              {...control}
              ref={passwordRef}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={invalid || undefined}
              aria-describedby={errorId}
              className={inputClass}
            />
          )}
        </Field>
      </div>
    </>
  );
}
