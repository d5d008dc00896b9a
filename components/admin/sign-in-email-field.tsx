'use client';

import { TextField } from '@/components/forms/fields';

/** An account's sign-in email, as admins type it (no autofill of their own, no capitals). */
export function SignInEmailField() {
  return (
    <TextField
      name="email"
      label="Email"
      hint="They sign in with this address."
      type="email"
      inputMode="email"
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
    />
  );
}
