import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MyPlan } from '@/components/treatment-plan/my-plan';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { getTreatmentPlan, listPlanComments } from '@/lib/data/treatment-plans';

export const metadata: Metadata = { title: 'My plan' };

export default async function MyPlanPage() {
  const viewer = await requireRole('PATIENT');
  if (!viewer.patientId) notFound();
  const view = await getTreatmentPlan(viewer, viewer.patientId);
  const comments = view.plan
    ? await listPlanComments(viewer, viewer.patientId, { limit: 50 })
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
        patientId={viewer.patientId}
        selfId={viewer.userId}
        initialView={view}
        initialComments={comments}
      />
      <p className="mt-6">
        <Link href="/my-care" className="font-medium text-teal-800 underline">
          Back to My care
        </Link>
      </p>
    </>
  );
}
