import type { Metadata } from 'next';
import { ConversationView } from '@/components/conversation/conversation-view';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { Card } from '@/components/ui/card';
import { listConversation } from '@/lib/data/conversation';
import { orNotFound } from '@/lib/page-errors';

export const metadata: Metadata = { title: 'Conversation with the patient' };

/** The conversation between the patient and their care team (the patient reads all of it). */
export default async function ConversationPage({ params }: Pick<ChartPageProps, 'params'>) {
  const { viewer, patientId } = await openChart(params);
  const firstPage = await orNotFound(listConversation(viewer, patientId, { limit: 50 }));
  return (
    <Card
      title="Conversation with the patient"
      titleId="conversation-heading"
      description="The patient and everyone on their care team read these messages. For a note only the team sees, use Care-team messages."
    >
      <ConversationView patientId={patientId} reader="careTeam" firstPage={firstPage} />
    </Card>
  );
}
