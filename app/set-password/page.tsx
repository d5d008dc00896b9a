import type { Metadata } from 'next';
import { InvalidLinkMessage, SetPasswordForm } from '@/components/forms/set-password-form';
import { Providers } from '@/components/providers';
import { SetPasswordToken } from '@/lib/schemas/admin';

export const metadata: Metadata = { title: 'Set your password' };

export default async function SetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token: raw } = await searchParams;
  const token = Array.isArray(raw) ? raw[0] : raw;
  const isWellFormed = token !== undefined && SetPasswordToken.safeParse(token).success;

  return (
    <div className="flex min-h-dvh flex-col bg-slate-50 text-slate-900">
      <main className="flex flex-1 items-center justify-center px-4 py-10 sm:px-6">
        <div className="w-full max-w-md">
          <p className="mb-6 text-center text-lg font-semibold tracking-tight text-teal-800">
            Triad
          </p>
          <div className="rounded-xl border border-slate-200 bg-white px-6 py-8 shadow-sm sm:px-8">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
              Set your password
            </h1>
            <p className="mt-2 text-sm text-slate-600">
              Choose the password you will use to sign in to Triad.
            </p>
            <div className="mt-6">
              {token && isWellFormed ? (
                <Providers>
                  <SetPasswordForm token={token} />
                </Providers>
              ) : (
                <InvalidLinkMessage />
              )}
            </div>
          </div>
        </div>
      </main>
      <footer className="px-4 pb-8 text-center text-sm text-slate-700 sm:px-6">
        <p className="mx-auto max-w-md">
          In crisis or thinking about suicide? Call or text{' '}
          <a href="tel:988" className="font-semibold text-teal-800 underline">
            988
          </a>{' '}
          (Suicide &amp; Crisis Lifeline), or call{' '}
          <a href="tel:911" className="font-semibold text-teal-800 underline">
            911
          </a>
          .
        </p>
      </footer>
    </div>
  );
}
