import type { Metadata } from 'next';
import { MeasureProgress } from '@/components/check-ins/measure-progress';
import { PeriodPicker } from '@/components/check-ins/period-picker';
import { RecentCheckIns } from '@/components/check-ins/recent-check-ins';
import { TrendCharts } from '@/components/check-ins/trend-charts';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { Card } from '@/components/ui/card';
import { instrumentName } from '@/lib/clinical/assessment-items';
import { listAssessments } from '@/lib/data/assessments';
import { listCheckIns } from '@/lib/data/check-ins';
import { getTrends } from '@/lib/data/trends';
import { formatDate } from '@/lib/format';
import { orNotFound } from '@/lib/page-errors';
import { trendPeriod } from '@/lib/schemas/check-ins';

export const metadata: Metadata = { title: 'Check-ins and measures' };

export default async function ChartCheckInsPage({ params, searchParams }: ChartPageProps) {
  const { viewer, patientId } = await openChart(params);
  const days = trendPeriod((await searchParams).days);
  const trends = await orNotFound(getTrends(viewer, patientId, days));
  const recent = await orNotFound(listCheckIns(viewer, patientId));
  const assessments = await orNotFound(listAssessments(viewer, patientId, { limit: 10 }));

  return (
    <div className="space-y-6">
      <Card
        title="Questionnaires"
        titleId="assessments-heading"
        description={`Due every ${assessments.intervalDays} days under the current plan.`}
      >
        <ul className="grid gap-3 sm:grid-cols-2">
          {assessments.due.map((d) => (
            <li key={d.instrument} className="rounded-lg border border-slate-200 p-4 text-sm">
              <p className="font-medium text-slate-900">{instrumentName(d.instrument)}</p>
              <p className="mt-1 text-slate-800">
                {d.lastScore === null || !d.lastCompletedAt ? (
                  'None completed yet.'
                ) : (
                  <>
                    Latest <strong className="tabular-nums">{d.lastScore}</strong> ({d.lastSeverity}
                    ) on <time dateTime={d.lastCompletedAt}>{formatDate(d.lastCompletedAt)}</time>
                  </>
                )}
              </p>
              <p className="mt-1 text-slate-600">
                {d.isDue ? 'Due now' : `Next due ${formatDate(d.dueOn)}`}
              </p>
            </li>
          ))}
        </ul>
      </Card>
      <Card
        title="Trends"
        titleId="trends-heading"
        description="Dashed lines mark medication changes."
        actions={<PeriodPicker basePath={`/patients/${patientId}/check-ins`} current={days} />}
      >
        <TrendCharts trends={trends} audience="clinician" />
      </Card>
      <Card
        title="Personal measures"
        titleId="measures-heading"
        description={`From the check-ins of the period shown above, against the plan’s targets.`}
      >
        <MeasureProgress measures={trends.measures} />
      </Card>
      <Card
        title="Recent check-ins"
        titleId="recent-heading"
        description="The last 30 days, newest first, with side effects and notes."
      >
        <RecentCheckIns checkIns={recent.items} />
      </Card>
    </div>
  );
}
