import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
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
    <div className="flex min-h-dvh flex-col bg-slate-50 text-slate-900">
      <main className="flex flex-1 items-center justify-center px-4 py-10 sm:px-6">
        <div className="w-full max-w-md">
          <p className="mb-6 text-center text-lg font-semibold tracking-tight text-teal-800">
            Triad
          </p>
          <div className="rounded-xl border border-slate-200 bg-white px-6 py-8 shadow-sm sm:px-8">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Sign in</h1>
            <p className="mt-2 text-sm text-slate-600">
              Your care plan, medications and care team, in one place.
            </p>
            {expired ? (
              <p
                role="status"
                className="mt-5 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900"
              >
                For your privacy you were signed out after a period of inactivity. Please sign in
                again.
              </p>
            ) : null}
            <div className="mt-6">
              <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
            </div>
            <p className="mt-6 text-sm text-slate-600">
              Forgotten your password or locked out? Contact your clinic&apos;s administrator.
            </p>
          </div>
        </div>
      </main>
      <footer className="px-4 pb-8 text-center text-sm text-slate-700 sm:px-6">
        <p className="mx-auto max-w-md">
          In crisis or thinking about suicide? Call or text{' '}
          <a
            href="tel:988"
            className="font-semibold text-teal-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
          >
            988
          </a>{' '}
          (Suicide &amp; Crisis Lifeline), or call{' '}
          <a
            href="tel:911"
            className="font-semibold text-teal-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
          >
            911
          </a>
          .
        </p>
      </footer>
    </div>
  );
}
