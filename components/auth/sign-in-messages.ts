import type { SignInError } from '@/lib/auth/session-policy';

/** The words shown for a refused sign-in; one message for every credential failure. */
export function signInErrorMessage(error: SignInError): string {
  if (error.kind === 'too-many-attempts') {
    const minutes = error.minutes === 1 ? '1 minute' : `${error.minutes} minutes`;
    return `Too many sign-in attempts from this network. For your security, please wait ${minutes} and try again.`;
  }
  if (error.kind === 'second-factor-required') {
    return 'Enter the code from your authenticator app to finish signing in.';
  }
  if (error.kind === 'second-factor-invalid') {
    return "That code isn't right, or it was already used. Wait for the next code and try again.";
  }
  if (error.kind === 'unavailable') {
    return "We couldn't sign you in just now. Please try again in a moment.";
  }
  return "That email and password don't match an active account. Check them and try again.";
}
