import type { Metadata } from 'next';
import Link from 'next/link';
import { SessionNoteBody } from '@/components/notes/session-note-view';
import { openOwnRecord } from '@/components/pages/own-record';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { OlderPageLink } from '@/components/ui/pagination';
import { pageAt } from '@/lib/page-errors';
import { listSessionNotes } from '@/lib/data/session-notes';
import { formatDate } from '@/lib/format';

export const metadata: Metadata = { title: 'Session notes' };

const kindWords = {
  THERAPY: 'Therapy session',
  MEDICATION_MANAGEMENT: 'Medication visit',
} as const;

/** The patient's own signed session notes (never drafts, nor notes withheld from them). */
export default async function MyNotesPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string | string[] }>;
}) {
  const { viewer, patientId } = await openOwnRecord();
  const { page } = await pageAt((await searchParams).cursor, (cursor) =>
    listSessionNotes(viewer, patientId, { limit: 20, cursor }),
  );
  return (
    <>
      <PageHeader title="Session notes">
        <p>
          After a visit, your therapist or prescriber writes a note about what you talked about and
          what happens next. Once they have finished and signed it, you can read it here. Newest
          first.
        </p>
      </PageHeader>
      {page.items.length === 0 ? (
        <EmptyState title="No notes to show yet">
          Notes show up here after your clinician finishes writing them.
        </EmptyState>
      ) : (
        <ol className="space-y-4">
          {page.items.map((note) => (
            <li key={note.id}>
              <Card
                title={`${kindWords[note.kind]}, ${formatDate(note.sessionDate, 'long')}`}
                titleId={`note-${note.id}`}
                description={`Written by ${note.author.name}`}
              >
                <SessionNoteBody note={note} plain />
              </Card>
            </li>
          ))}
        </ol>
      )}
      <div className="mt-6 flex flex-wrap gap-3">
        {page.nextCursor ? (
          <OlderPageLink href={`/my-care/notes?cursor=${page.nextCursor}`}>
            Older notes
          </OlderPageLink>
        ) : null}
        <Link href="/my-care" className="self-center font-medium text-teal-800 underline">
          Back to My care
        </Link>
      </div>
    </>
  );
}
