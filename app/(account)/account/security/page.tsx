import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SecondFactorSettings } from '@/components/security/second-factor-settings';
import { PageHeader } from '@/components/ui/page-header';
import { mayUseSecondFactor } from '@/lib/auth/second-factor';
import { requireViewer } from '@/lib/auth/session';
import { homePathFor } from '@/lib/auth/viewer';
import { getSecondFactorStatus } from '@/lib/data/second-factor';

export const metadata: Metadata = { title: 'Security' };

export default async function SecurityPage() {
  const viewer = await requireViewer({ allowEnrolmentPending: true });
  if (!mayUseSecondFactor(viewer.role)) notFound();
  const status = await getSecondFactorStatus(viewer);
  return (
    <>
      <PageHeader title="Security">
        <p>
          Two-step sign-in asks for a code from an app on your phone after your password, so a
          stolen password alone cannot open your caseload.
        </p>
      </PageHeader>
      {viewer.mustEnrolSecondFactor ? (
        <p
          role="status"
          className="mb-6 max-w-prose rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          Your organization requires two-step sign-in. Set it up here to continue using Triad.
        </p>
      ) : null}
      <SecondFactorSettings initialStatus={status} homePath={homePathFor(viewer.role)} />
    </>
  );
}
