import type { Metadata } from 'next';
import Link from 'next/link';
import {
  NOTE_KIND_LABEL,
  NoteByline,
  NoteStatus,
  SessionNoteBody,
} from '@/components/notes/session-note-view';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { OlderPageLink } from '@/components/ui/pagination';
import { can } from '@/lib/auth/policy';
import { listSessionNotes } from '@/lib/data/session-notes';
import { pageAt } from '@/lib/page-errors';

export const metadata: Metadata = { title: 'Notes' };

/** Session notes of the chart: every signed note, and the viewer's own drafts. */
export default async function NotesPage({ params, searchParams }: ChartPageProps) {
  const { viewer, patientId } = await openChart(params);
  const { page } = await pageAt((await searchParams).cursor, (cursor) =>
    listSessionNotes(viewer, patientId, { limit: 20, cursor }),
  );
  const base = `/patients/${patientId}/notes`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold text-slate-900">Session notes</h2>
        <div className="flex flex-wrap gap-2">
          {can(viewer, 'psychotherapyNote.write') ? (
            <Link href={`${base}/psychotherapy`} className={buttonClass('secondary')}>
              My psychotherapy notes
            </Link>
          ) : null}
          <Link href={`${base}/new`} className={buttonClass('primary')}>
            Write a session note
          </Link>
        </div>
      </div>
      {page.items.length === 0 ? (
        <EmptyState title="No session notes yet">
          Notes appear here once written. A draft is yours alone until you sign it.
        </EmptyState>
      ) : (
        <ol className="space-y-4">
          {page.items.map((note) => (
            <li key={note.id}>
              <Card
                title={`${NOTE_KIND_LABEL[note.kind]} note`}
                titleId={`note-${note.id}`}
                description={<NoteByline note={note} />}
                actions={<NoteStatus note={note} />}
              >
                <SessionNoteBody note={note} />
                <p className="mt-4">
                  <Link
                    href={`${base}/${note.id}`}
                    className="text-sm font-medium text-teal-800 underline"
                  >
                    {note.status === 'DRAFT'
                      ? 'Continue the draft'
                      : note.author.id === viewer.userId
                        ? 'Open: add an addendum or withhold'
                        : 'Open the note'}
                    <span className="sr-only"> of {note.sessionDate}</span>
                  </Link>
                </p>
              </Card>
            </li>
          ))}
        </ol>
      )}
      {page.nextCursor ? (
        <OlderPageLink href={`${base}?cursor=${page.nextCursor}`}>Older notes</OlderPageLink>
      ) : null}
    </div>
  );
}
