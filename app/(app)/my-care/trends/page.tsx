import type { Metadata } from 'next';
import Link from 'next/link';
import { PeriodPicker } from '@/components/check-ins/period-picker';
import { TrendCharts } from '@/components/check-ins/trend-charts';
import { openOwnRecord } from '@/components/pages/own-record';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getTrends } from '@/lib/data/trends';
import { trendPeriod } from '@/lib/schemas/check-ins';

export const metadata: Metadata = { title: 'My trends' };

export default async function TrendsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { viewer, patientId } = await openOwnRecord();
  const days = trendPeriod((await searchParams).days);
  const trends = await getTrends(viewer, patientId, days);

  return (
    <>
      <PageHeader title="My trends">
        <p>
          How you have been doing, from your check-ins and questionnaires. Small changes add up.
          Every chart can also be read as a table.
        </p>
      </PageHeader>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <PeriodPicker basePath="/my-care/trends" current={days} />
        <Link href="/my-care/check-in" className="font-medium text-teal-800 underline">
          Check in for today
        </Link>
      </div>
      <Card
        title="Over time"
        titleId="trends-heading"
        description={
          trends.markers.length > 0
            ? 'Dashed lines show when a medication changed.'
            : 'No medication changes in this period.'
        }
      >
        <TrendCharts trends={trends} audience="patient" />
      </Card>
    </>
  );
}
