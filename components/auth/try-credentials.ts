import type { Session } from 'next-auth';
import { getSession, signIn } from 'next-auth/react';
import { parseSignInError, type SignInError } from '@/lib/auth/session-policy';

/**
 * One try of the credentials (and the second-factor code, when asked for) with next-auth, without
 * leaving the page: the session it opened (null: no session came), or the refusal. Used by the
 * sign-in page and by the in-place sign-in of a signed-in page (SessionRecovery).
 */
export async function tryCredentials({
  email,
  password,
  code,
}: {
  email: string;
  password: string;
  code: string | undefined;
}): Promise<{ session: Session | null } | { refusal: SignInError }> {
  const result = await signIn('credentials', {
    redirect: false,
    email,
    password,
    ...(code === undefined ? {} : { code }),
  });
  if (!result?.ok || result.error) {
    return { refusal: parseSignInError(result?.error) ?? { kind: 'unavailable' } };
  }
  return { session: await getSession() };
}
