import type { Metadata } from 'next';
import { InvalidLinkMessage, SetPasswordForm } from '@/components/forms/set-password-form';
import { PublicCardPage } from '@/components/layout/public-card-page';
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
    <PublicCardPage
      title="Set your password"
      intro="Choose the password you will use to sign in to Triad."
    >
      <div className="mt-6">
        {token && isWellFormed ? (
          <Providers>
            <SetPasswordForm token={token} />
          </Providers>
        ) : (
          <InvalidLinkMessage />
        )}
      </div>
    </PublicCardPage>
  );
}
