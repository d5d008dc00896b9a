import type { Metadata } from 'next';
import { HISTORY_LIMIT } from '@/components/medications/medication-text';
import { MedicationsPanel } from '@/components/medications/medications-panel';
import { can } from '@/lib/auth/policy';
import { requireRole } from '@/lib/auth/session';
import { getRegimen, listMedicationChanges } from '@/lib/data/medications';
import { orNotFound } from '@/lib/page-errors';

export const metadata: Metadata = { title: 'Medications' };

export default async function MedicationsPage({
  params,
}: {
  params: Promise<{ patientId: string }>;
}) {
  const viewer = await requireRole('PRESCRIBER', 'THERAPIST');
  const { patientId } = await params;
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
