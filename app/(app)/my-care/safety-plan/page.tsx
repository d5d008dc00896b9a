import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink } from '@/components/layout/back-link';
import { openOwnRecord } from '@/components/pages/own-record';
import { SafetyPlanPanel } from '@/components/safety-plan/safety-plan-panel';
import { PageHeader } from '@/components/ui/page-header';
import { getSafetyPlan } from '@/lib/data/safety-plan';

export const metadata: Metadata = { title: 'My safety plan' };

export default async function MySafetyPlanPage() {
  const { viewer, patientId } = await openOwnRecord();
  const view = await getSafetyPlan(viewer, patientId);
  return (
    <>
      <PageHeader title="My safety plan">
        <p>
          What to do, step by step, if things start to feel too hard. You and your therapist write
          it together, and you can change it whenever you like. Keep a printed copy somewhere easy
          to find.
        </p>
      </PageHeader>
      <SafetyPlanPanel patientId={patientId} initialView={view} canEdit audience="patient" />
      <p className="mt-8 text-sm text-slate-700 print:hidden">
        Is your phone number or emergency contact out of date?{' '}
        <Link href="/my-care/contact" className="font-medium text-teal-800 underline">
          Update how to reach you
        </Link>
      </p>
      <div className="print:hidden">
        <BackLink href="/my-care" placement="below">
          Back to My care
        </BackLink>
      </div>
    </>
  );
}
