import type { ReactNode } from 'react';
import { ChartHeader } from '@/components/chart/chart-header';
import { ChartTabs } from '@/components/chart/chart-tabs';
import { ChartPrintHeader } from '@/components/chart/print-summary';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { getChartHeader } from '@/lib/data/chart';
import { getContact } from '@/lib/data/contact';
import { orNotFound } from '@/lib/page-errors';

/** The patient chart for clinicians on the care team; anyone else gets not-found. */
export default async function ChartLayout({
  children,
  params,
}: Pick<ChartPageProps, 'params'> & { children: ReactNode }) {
  const { viewer, patientId } = await openChart(params);
  const [patient, contact] = await orNotFound(
    Promise.all([getChartHeader(viewer, patientId), getContact(viewer, patientId)]),
  );
  return (
    <div className="space-y-6 print:pt-8">
      <ChartPrintHeader name={patient.name} dateOfBirth={patient.dateOfBirth} />
      <ChartHeader patient={patient} contact={contact} now={new Date()} />
      <ChartTabs patientId={patient.id} conversationUnread={patient.conversationUnread} />
      <div>{children}</div>
    </div>
  );
}
