import type { ReactNode } from 'react';
import { ChartHeader } from '@/components/chart/chart-header';
import { ChartTabs } from '@/components/chart/chart-tabs';
import { requireRole } from '@/lib/auth/session';
import { getChartHeader } from '@/lib/data/chart';
import { orNotFound } from '@/lib/page-errors';

/** The patient chart for clinicians on the care team; anyone else gets not-found. */
export default async function ChartLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ patientId: string }>;
}) {
  const viewer = await requireRole('PRESCRIBER', 'THERAPIST');
  const { patientId } = await params;
  const patient = await orNotFound(getChartHeader(viewer, patientId));
  return (
    <div className="space-y-6">
      <ChartHeader patient={patient} now={new Date()} />
      <ChartTabs patientId={patient.id} />
      <div>{children}</div>
    </div>
  );
}
