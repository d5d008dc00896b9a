import type { Metadata } from 'next';
import { AccessLogList } from '@/components/access-log/access-log-list';
import { BackLink } from '@/components/layout/back-link';
import { openOwnRecord } from '@/components/pages/own-record';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { listAccessLog } from '@/lib/data/access-log';

export const metadata: Metadata = { title: 'Who viewed my record' };

export default async function WhoViewedPage() {
  const { viewer, patientId } = await openOwnRecord();
  const firstPage = await listAccessLog(viewer, patientId);

  return (
    <>
      <PageHeader title="Who viewed my record">
        <p>
          Every time someone at your clinic opens or changes your record, Triad writes it down. This
          page shows you that list: who it was, what they looked at or changed, and when. The newest
          is at the top. Your own visits are on it too. If you see something that does not look
          right, tell your care team or your clinic.
        </p>
      </PageHeader>
      <Card
        title="Visits to your record"
        titleId="access-log-heading"
        description="Newest first. Times are shown in your own time zone."
      >
        <AccessLogList patientId={patientId} firstPage={firstPage} />
      </Card>
      <BackLink href="/my-care" placement="below">
        Back to My care
      </BackLink>
    </>
  );
}
