import type { Metadata } from 'next';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { ClinicianPlan } from '@/components/treatment-plan/clinician-plan';
import { getTreatmentPlan, listPlanComments } from '@/lib/data/treatment-plans';
import { orNotFound } from '@/lib/page-errors';

export const metadata: Metadata = { title: 'Treatment plan' };

/** The chart's Plan tab (the layout admits clinicians on the team only). */
export default async function PlanPage({ params }: Pick<ChartPageProps, 'params'>) {
  const { viewer, patientId } = await openChart(params);
  const view = await orNotFound(getTreatmentPlan(viewer, patientId));
  const comments = view.plan
    ? await orNotFound(listPlanComments(viewer, patientId, { limit: 50 }))
    : { items: [], nextCursor: null };
  return (
    <ClinicianPlan
      patientId={patientId}
      selfId={viewer.userId}
      initialView={view}
      initialComments={comments}
    />
  );
}
