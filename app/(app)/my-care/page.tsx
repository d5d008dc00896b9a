import type { Metadata } from 'next';
import Link from 'next/link';
import { CareTeamList } from '@/components/my-care/care-team-list';
import { MedicationList } from '@/components/my-care/medication-list';
import { PlanSummary } from '@/components/my-care/plan-summary';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { getMyCareSummary } from '@/lib/data/my-care';

export const metadata: Metadata = { title: 'My care' };

export default async function MyCarePage() {
  const viewer = await requireRole('PATIENT');
  const summary = await getMyCareSummary(viewer);
  const firstName = summary.name.split(' ')[0] || summary.name;

  return (
    <>
      <PageHeader title="My care">
        <p>
          Hi {firstName}. Here is your plan, your medications and the people who care for you, all
          in one place.
        </p>
      </PageHeader>
      <div className="space-y-6">
        <Card
          title="Your plan"
          titleId="plan-heading"
          description="What you and your care team agreed to work on."
        >
          <PlanSummary plan={summary.plan} />
        </Card>
        <Card
          title="Your medications"
          titleId="medications-heading"
          description="What you take now, and why your prescriber chose it."
        >
          <MedicationList medications={summary.medications} />
        </Card>
        <Card
          title="Your care team"
          titleId="care-team-heading"
          description="The people who look after you."
        >
          <CareTeamList members={summary.careTeam} />
        </Card>
        <Card
          title="Your privacy"
          titleId="privacy-heading"
          description="Every time someone opens or changes your record, it is written down."
        >
          <Link href="/my-care/who-viewed" className="font-medium text-teal-800 underline">
            See who viewed your record
          </Link>
        </Card>
      </div>
    </>
  );
}
