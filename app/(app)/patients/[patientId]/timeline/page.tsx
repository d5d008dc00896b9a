import type { Metadata } from 'next';
import Link from 'next/link';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { TimelineList } from '@/components/timeline/timeline-list';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { OlderPageLink } from '@/components/ui/pagination';
import { getTimeline } from '@/lib/data/timeline';
import { pageAt } from '@/lib/page-errors';

export const metadata: Metadata = { title: 'Timeline' };

/** Everything that happened for this patient, newest first, 30 events a page. */
export default async function TimelinePage({ params, searchParams }: ChartPageProps) {
  const { viewer, patientId } = await openChart(params);
  const { page, cursor } = await pageAt((await searchParams).cursor, (at) =>
    getTimeline(viewer, patientId, { limit: 30, cursor: at }),
  );
  const base = `/patients/${patientId}/timeline`;
  return (
    <Card
      title="Timeline"
      titleId="timeline-heading"
      description="Medication changes, notes, check-ins, questionnaires, plan versions and messages, newest first."
    >
      {page.items.length === 0 ? (
        <EmptyState title="Nothing has happened yet" />
      ) : (
        <TimelineList items={page.items} noteHref={(id) => `/patients/${patientId}/notes/${id}`} />
      )}
      <div className="mt-6 flex gap-2">
        {cursor ? (
          <Link href={base} className={buttonClass('secondary')}>
            Back to the newest
          </Link>
        ) : null}
        {page.nextCursor ? (
          <OlderPageLink href={`${base}?cursor=${page.nextCursor}`}>Older events</OlderPageLink>
        ) : null}
      </div>
    </Card>
  );
}
