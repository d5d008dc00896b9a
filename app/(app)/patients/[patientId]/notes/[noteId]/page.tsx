import type { Metadata } from 'next';
import Link from 'next/link';
import { AddendumForm, WithholdForm } from '@/components/notes/note-actions';
import { SessionNoteForm } from '@/components/notes/session-note-form';
import {
  NOTE_KIND_LABEL,
  NoteByline,
  NoteStatus,
  SessionNoteBody,
} from '@/components/notes/session-note-view';
import { Card } from '@/components/ui/card';
import { requireRole } from '@/lib/auth/session';
import { getSessionNote } from '@/lib/data/session-notes';
import { toIsoDate } from '@/lib/format';
import { orNotFound } from '@/lib/page-errors';

export const metadata: Metadata = { title: 'Session note' };

/** One note: its author edits and signs the draft, then adds addenda or withholds it. */
export default async function NotePage({
  params,
}: {
  params: Promise<{ patientId: string; noteId: string }>;
}) {
  const viewer = await requireRole('PRESCRIBER', 'THERAPIST');
  const { patientId, noteId } = await params;
  const note = await orNotFound(getSessionNote(viewer, patientId, noteId));
  const isAuthor = note.author.id === viewer.userId;

  return (
    <div className="space-y-6">
      <p>
        <Link
          href={`/patients/${patientId}/notes`}
          className="text-sm font-medium text-teal-800 underline"
        >
          All notes
        </Link>
      </p>
      {note.status === 'DRAFT' ? (
        <Card
          title={`Draft: ${NOTE_KIND_LABEL[note.kind].toLowerCase()} note`}
          titleId="note-heading"
          description="Only you can see this draft. Signing saves your changes first."
        >
          <SessionNoteForm
            patientId={patientId}
            note={note}
            defaultKind={note.kind}
            today={toIsoDate(new Date())}
          />
        </Card>
      ) : (
        <>
          <Card
            title={`${NOTE_KIND_LABEL[note.kind]} note`}
            titleId="note-heading"
            description={<NoteByline note={note} />}
            actions={<NoteStatus note={note} />}
          >
            <SessionNoteBody note={note} />
          </Card>
          {isAuthor ? (
            <Card
              title="Corrections and sharing"
              titleId="note-actions-heading"
              description="A signed note never changes; corrections are added as addenda."
            >
              <div className="space-y-8">
                <AddendumForm patientId={patientId} noteId={note.id} />
                {note.withheld ? null : <WithholdForm patientId={patientId} noteId={note.id} />}
              </div>
            </Card>
          ) : null}
        </>
      )}
    </div>
  );
}
