import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountDetailsForm } from '@/components/admin/account-details-form';
import { DisableAccountButton } from '@/components/admin/disable-account-button';
import { EnableAccountButton } from '@/components/admin/enable-account-button';
import { SendSetPasswordLinkButton } from '@/components/admin/send-set-password-link-button';
import { BackLink } from '@/components/layout/back-link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { getAccount } from '@/lib/data/admin';
import { NotFoundError } from '@/lib/errors';
import { roleLabel } from '@/lib/format';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage({ params }: { params: Promise<{ userId: string }> }) {
  const viewer = await requireRole('ADMIN');
  const { userId } = await params;
  const user = await getAccount(viewer, userId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const isSelf = user.id === viewer.userId;

  return (
    <>
      <BackLink href="/admin" placement="above">
        ← Users and care teams
      </BackLink>
      <PageHeader title={user.name}>
        <p className="flex flex-wrap items-center gap-2">
          <span>{roleLabel(user.role)}</span>
          <Badge tone={user.isActive ? 'teal' : 'neutral'}>
            {user.isActive ? 'Active' : 'Disabled'}
          </Badge>
          {isSelf ? <span className="text-slate-600">(your account)</span> : null}
        </p>
      </PageHeader>
      <div className="space-y-6">
        <Card
          title="Name and email"
          titleId="details-heading"
          description="The name everyone in Triad sees, and the address this account signs in with."
        >
          <AccountDetailsForm userId={user.id} name={user.name} email={user.email} />
        </Card>
        <Card
          title="Password"
          titleId="password-heading"
          description="Triad never shows or sends passwords. For a forgotten password, make a one-time link and pass it on privately."
        >
          {user.isActive ? (
            <SendSetPasswordLinkButton userId={user.id} name={user.name} />
          ) : (
            <p className="text-sm text-slate-700">
              This account is disabled. Re-enable it below before making a set-password link.
            </p>
          )}
        </Card>
        {isSelf ? null : (
          <Card
            title="Access"
            titleId="access-heading"
            description={
              user.isActive
                ? 'Disabling signs them out everywhere and stops them signing in, until you re-enable the account.'
                : 'A disabled account cannot sign in. Re-enabling it lets them sign in again with their password.'
            }
          >
            {user.isActive ? (
              <DisableAccountButton userId={user.id} name={user.name} />
            ) : (
              <EnableAccountButton userId={user.id} name={user.name} />
            )}
          </Card>
        )}
      </div>
    </>
  );
}
