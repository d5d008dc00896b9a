import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { PublicCardPage } from '@/components/layout/public-card-page';
import { getViewer } from '@/lib/auth/session';
import { parseSignInError, safeCallbackPath } from '@/lib/auth/session-policy';
import { homePathFor } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await getViewer();
  if (viewer) redirect(homePathFor(viewer.role));

  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const initialError = parseSignInError(first(params.error));
  const expired = first(params.expired) === '1' && !initialError;

  return (
    <PublicCardPage
      title="Sign in"
      intro="Your care plan, medications and care team, in one place."
    >
      {expired ? (
        <p
          role="status"
          className="mt-5 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900"
        >
          For your privacy you were signed out after a period of inactivity. Please sign in again.
        </p>
      ) : null}
      <div className="mt-6">
        <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
      </div>
      <p className="mt-6 text-sm text-slate-600">
        Forgotten your password or locked out? Contact your clinic&apos;s administrator.
      </p>
    </PublicCardPage>
  );
}
