import type { Metadata } from 'next';
import Link from 'next/link';
import { DueList } from '@/components/assessments/due-list';
import { SafetyFlagStatusLine } from '@/components/my-care/safety-flag-status';
import { openOwnRecord } from '@/components/pages/own-record';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { instrumentName } from '@/lib/clinical/assessment-items';
import { listAssessments } from '@/lib/data/assessments';
import { getSafetyFlagStatus } from '@/lib/data/safety-flags';
import { formatDate } from '@/lib/format';

export const metadata: Metadata = { title: 'Questionnaires' };

export default async function AssessmentsPage() {
  const { viewer, patientId } = await openOwnRecord();
  const [list, flagStatus] = await Promise.all([
    listAssessments(viewer, patientId, { limit: 20 }),
    getSafetyFlagStatus(viewer, patientId),
  ]);

  return (
    <>
      <PageHeader title="Questionnaires">
        <p>
          Two short questionnaires help you and your care team see how things change over time. Your
          plan asks for each one every {list.intervalDays} days.
        </p>
      </PageHeader>
      <div className="space-y-6">
        <SafetyFlagStatusLine status={flagStatus.status} />
        <Card title="What’s due" titleId="due-heading">
          <DueList due={list.due} />
        </Card>
        <Card title="Your recent answers" titleId="history-heading">
          {list.items.length === 0 ? (
            <EmptyState title="Nothing here yet">
              <p>When you fill in a questionnaire, your score will show up here.</p>
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200">
              {list.items.map((a) => (
                <li key={a.id} className="flex flex-wrap justify-between gap-2 py-3">
                  <span className="font-medium text-slate-900">{instrumentName(a.instrument)}</span>
                  <span className="text-slate-800">
                    {a.score} ({a.severity})
                  </span>
                  <time dateTime={a.completedAt} className="text-sm text-slate-600">
                    {formatDate(a.completedAt, 'long')}
                  </time>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-4">
            <Link href="/my-care/trends" className="font-medium text-teal-800 underline">
              See your scores on a chart
            </Link>
          </p>
        </Card>
      </div>
    </>
  );
}
