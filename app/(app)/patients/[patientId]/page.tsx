import type { Metadata } from 'next';
import Link from 'next/link';
import { BriefPanel } from '@/components/brief/brief-panel';
import { briefPreset, resolveBriefSince } from '@/components/brief/brief-period';
import { markerLabel } from '@/components/medications/medication-text';
import { RegimenList } from '@/components/medications/regimen-list';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { SafetyFlagsPanel } from '@/components/safety-flags/safety-flags-panel';
import { OverviewTrendCharts } from '@/components/chart/overview-trend-charts';
import { PrintSummaryButton } from '@/components/chart/print-summary';
import { Card } from '@/components/ui/card';
import { getBrief } from '@/lib/data/brief';
import { getOverviewTrends, getRegimen, OVERVIEW_DAYS } from '@/lib/data/medications';
import { listSafetyFlags } from '@/lib/data/safety-flags';
import { teamFlags } from '@/lib/schemas/safety-flags';
import { orNotFound } from '@/lib/page-errors';

export const metadata: Metadata = { title: 'Overview' };

/** The chart's first section: the before-session brief, the regimen and the scores over time. */
export default async function OverviewPage({ params, searchParams }: ChartPageProps) {
  const { viewer, patientId } = await openChart(params);
  const { since } = await searchParams;
  const now = new Date();
  const chosen = typeof since === 'string' ? since : undefined;
  const resolved = resolveBriefSince(chosen, now);
  const [brief, regimen, trends, openFlags, history] = await Promise.all([
    orNotFound(getBrief(viewer, patientId, { since: resolved }, now)),
    orNotFound(getRegimen(viewer, patientId)),
    orNotFound(getOverviewTrends(viewer, patientId)),
    orNotFound(listSafetyFlags(viewer, patientId, { status: 'open', limit: 100 })),
    orNotFound(listSafetyFlags(viewer, patientId, { status: 'resolved', limit: 20 })),
  ]);
  const flags = (
    <SafetyFlagsPanel
      patientId={patientId}
      open={teamFlags(openFlags)}
      history={teamFlags(history)}
      now={now}
    />
  );
  const hasOpenFlags = openFlags.items.length > 0;
  const markers = trends.changes
    .filter((c) => c.action !== 'ENTERED_IN_ERROR' && c.correctedById === null)
    .map((c) => ({
      date: c.effectiveDate,
      label: markerLabel({
        ...c,
        previousChange: trends.changes.find((p) => p.id === c.previousChangeId),
      }),
    }));

  return (
    <div className="space-y-6">
      <div className="flex justify-end print:hidden">
        <PrintSummaryButton />
      </div>
      {hasOpenFlags ? flags : null}
      <BriefPanel brief={brief} patientId={patientId} preset={briefPreset(chosen, resolved)} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <Card
          title="Current medications"
          titleId="overview-regimen-heading"
          actions={
            <Link
              href={`/patients/${patientId}/medications`}
              className="text-sm font-medium text-teal-800 underline hover:text-teal-900"
            >
              Medications and history
            </Link>
          }
        >
          <RegimenList items={regimen.items} showStopped={false} />
        </Card>
        <Card
          title="Scores and mood over time"
          titleId="overview-trends-heading"
          description={`The last ${OVERVIEW_DAYS} days. Numbered dashed lines mark medication changes.`}
        >
          <OverviewTrendCharts trends={trends} markers={markers} />
        </Card>
      </div>
      {hasOpenFlags ? null : flags}
    </div>
  );
}
