import type { Metadata } from 'next';
import Link from 'next/link';
import { ConversationView } from '@/components/conversation/conversation-view';
import { openOwnRecord } from '@/components/pages/own-record';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { listConversation } from '@/lib/data/conversation';
import { orNotFound } from '@/lib/page-errors';

export const metadata: Metadata = { title: 'Messages' };

/** The patient's own conversation with their care team. */
export default async function MyMessagesPage() {
  const { viewer, patientId } = await openOwnRecord();
  const firstPage = await orNotFound(listConversation(viewer, patientId, { limit: 50 }));
  return (
    <>
      <PageHeader title="Messages">
        <p>
          Write to your care team. For anything urgent, call 988 or 911 — messages are read during
          clinic hours.
        </p>
      </PageHeader>
      <Card
        title="You and your care team"
        titleId="conversation-heading"
        description="Newest at the bottom. New messages appear on their own."
      >
        <ConversationView patientId={patientId} reader="patient" firstPage={firstPage} />
      </Card>
      <Link href="/my-care" className="mt-6 inline-block font-medium text-teal-800 underline">
        Back to My care
      </Link>
    </>
  );
}
