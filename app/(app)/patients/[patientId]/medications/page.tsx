import type { Metadata } from 'next';
import { HISTORY_LIMIT } from '@/components/medications/medication-text';
import { MedicationsPanel } from '@/components/medications/medications-panel';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { can } from '@/lib/auth/policy';
import { getRegimen, listMedicationChanges } from '@/lib/data/medications';
import { orNotFound } from '@/lib/page-errors';

export const metadata: Metadata = { title: 'Medications' };

export default async function MedicationsPage({ params }: Pick<ChartPageProps, 'params'>) {
  const { viewer, patientId } = await openChart(params);
  const [regimen, changes] = await Promise.all([
    orNotFound(getRegimen(viewer, patientId)),
    orNotFound(listMedicationChanges(viewer, patientId, { limit: HISTORY_LIMIT })),
  ]);
  return (
    <MedicationsPanel
      patientId={patientId}
      initialRegimen={regimen}
      initialChanges={changes}
      canRecord={can(viewer, 'medicationChange.create')}
    />
  );
}
