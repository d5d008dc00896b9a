import type { Metadata } from 'next';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { SafetyPlanHistory } from '@/components/safety-plan/safety-plan-history';
import { SafetyPlanPanel } from '@/components/safety-plan/safety-plan-panel';
import { can } from '@/lib/auth/policy';
import { getSafetyPlan, listSafetyPlanVersions } from '@/lib/data/safety-plan';
import { orNotFound } from '@/lib/page-errors';

export const metadata: Metadata = { title: 'Safety plan' };

/** The chart's Safety plan tab: the therapist writes it with the patient; the prescriber reads it. */
export default async function ChartSafetyPlanPage({ params }: Pick<ChartPageProps, 'params'>) {
  const { viewer, patientId } = await openChart(params);
  const view = await orNotFound(getSafetyPlan(viewer, patientId));
  const versions = await orNotFound(listSafetyPlanVersions(viewer, patientId, { limit: 10 }));
  return (
    <div className="space-y-8">
      <SafetyPlanPanel
        patientId={patientId}
        initialView={view}
        canEdit={can(viewer, 'safetyPlan.edit')}
        audience="careTeam"
      />
      <SafetyPlanHistory versions={versions} />
    </div>
  );
}
