import type { Metadata } from 'next';
import { MessageThread } from '@/components/messages/message-thread';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { Card } from '@/components/ui/card';
import { listMessages } from '@/lib/data/messages';
import { orNotFound } from '@/lib/page-errors';

export const metadata: Metadata = { title: 'Messages' };

/** The care-team thread about this patient. */
export default async function MessagesPage({ params }: Pick<ChartPageProps, 'params'>) {
  const { viewer, patientId } = await openChart(params);
  const firstPage = await orNotFound(listMessages(viewer, patientId, { limit: 50 }));
  return (
    <Card
      title="Care-team messages"
      titleId="messages-heading"
      description="A thread between the clinicians on this patient’s team. New messages appear on their own."
    >
      <MessageThread patientId={patientId} viewerId={viewer.userId} firstPage={firstPage} />
    </Card>
  );
}
