import type { Metadata } from 'next';
import { CreateAccountForm } from '@/components/admin/create-account-form';
import { BackLink } from '@/components/layout/back-link';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Create an account' };

export default async function NewAccountPage() {
  await requireRole('ADMIN');
  return (
    <>
      <BackLink href="/admin" placement="above">
        ← Users and care teams
      </BackLink>
      <PageHeader title="Create an account">
        <p>
          An account for a patient, a prescriber or a therapist of your organization. A new
          clinician sees no patient until you add them to a care team.
        </p>
      </PageHeader>
      <Card title="Account details" titleId="account-details-heading">
        <CreateAccountForm />
      </Card>
    </>
  );
}
