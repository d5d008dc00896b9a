import type { Metadata } from 'next';
import { BackLink } from '@/components/layout/back-link';
import { openOwnRecord } from '@/components/pages/own-record';
import { MyPlan } from '@/components/treatment-plan/my-plan';
import { PageHeader } from '@/components/ui/page-header';
import { getTreatmentPlan, listPlanComments } from '@/lib/data/treatment-plans';

export const metadata: Metadata = { title: 'My plan' };

export default async function MyPlanPage() {
  const { viewer, patientId } = await openOwnRecord();
  const view = await getTreatmentPlan(viewer, patientId);
  const comments = view.plan
    ? await listPlanComments(viewer, patientId, { limit: 50 })
    : { items: [], nextCursor: null };
  return (
    <>
      <PageHeader title="My plan">
        <p>
          The plan you and your care team made together: your goals, how you’re doing, and what each
          of you will do. You can comment on it, or ask for a review if it isn’t working for you.
        </p>
      </PageHeader>
      <MyPlan
        patientId={patientId}
        selfId={viewer.userId}
        initialView={view}
        initialComments={comments}
      />
      <BackLink href="/my-care" placement="below">
        Back to My care
      </BackLink>
    </>
  );
}
