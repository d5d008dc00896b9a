import type { Metadata } from 'next';
import { AccessLogFilters } from '@/components/access-log/access-log-filters';
import { AccessLogList } from '@/components/access-log/access-log-list';
import { BackLink } from '@/components/layout/back-link';
import { openOwnRecord } from '@/components/pages/own-record';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { listAccessLogVisits } from '@/lib/data/access-log-visits';
import { ownTimeZone } from '@/lib/data/appointments/day';
import { visitFiltersOf } from '@/lib/schemas/access-log';

export const metadata: Metadata = { title: 'Who viewed my record' };

const PATH = '/my-care/who-viewed';

export default async function WhoViewedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { viewer, patientId } = await openOwnRecord();
  // A filter the URL gets wrong is simply not applied: this page never answers an error for it.
  const filters = visitFiltersOf(await searchParams);
  const [firstPage, timeZone] = await Promise.all([
    listAccessLogVisits(viewer, patientId, filters),
    ownTimeZone(viewer),
  ]);

  return (
    <>
      <PageHeader title="Who viewed my record">
        <p>
          Every time someone at your clinic opens or changes your record, Triad writes it down. This
          page shows it one visit at a time: who it was, what they looked at or changed, and when.
          The newest is at the top. Open a visit to see each thing they did in it. Your own visits
          are not listed, and a screen that refreshes itself is not counted again. If you see
          something that does not look right, tell your care team or your clinic.
        </p>
      </PageHeader>
      <Card
        title="Visits to your record"
        titleId="access-log-heading"
        description="A visit is one person’s time in your record; a break of 30 minutes or more starts a new one. Times are in your own time zone."
      >
        <AccessLogFilters
          action={PATH}
          people={firstPage.people}
          person={filters.person}
          period={filters.period}
        />
        <AccessLogList
          // A new choice of filters starts the list afresh.
          key={`${filters.person ?? ''}:${filters.period}`}
          patientId={patientId}
          firstPage={firstPage}
          filters={filters}
          timeZone={timeZone}
        />
      </Card>
      <BackLink href="/my-care" placement="below">
        Back to My care
      </BackLink>
    </>
  );
}
