import type { Metadata } from 'next';
import { PsychotherapyNoteForm } from '@/components/notes/psychotherapy-note-form';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { listPsychotherapyNotes } from '@/lib/data/psychotherapy-notes';
import { formatDate, toIsoDate } from '@/lib/format';
import { orNotFound } from '@/lib/page-errors';

export const metadata: Metadata = { title: 'My psychotherapy notes' };

/** The therapist's own psychotherapy notes for this patient: nobody else ever sees them. */
export default async function PsychotherapyNotesPage({ params }: Pick<ChartPageProps, 'params'>) {
  const { viewer, patientId } = await openChart(params, ['THERAPIST']);
  const page = await orNotFound(listPsychotherapyNotes(viewer, patientId, { limit: 50 }));

  return (
    <div className="space-y-6">
      <Card
        title="My psychotherapy notes"
        titleId="psychotherapy-heading"
        description="Your private process notes (HIPAA psychotherapy notes). They are not part of the record: no one else, not the patient, not the care team, ever sees them."
      >
        <PsychotherapyNoteForm patientId={patientId} today={toIsoDate(new Date())} />
      </Card>
      {page.items.length === 0 ? (
        <EmptyState title="No private notes yet" />
      ) : (
        <ol className="space-y-3" aria-label="Your psychotherapy notes">
          {page.items.map((note) => (
            <li key={note.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="text-sm text-slate-700">
                {note.sessionDate ? `Session ${formatDate(note.sessionDate, 'long')} · ` : ''}
                written <LocalDateTime iso={note.createdAt} withRelative={false} />
              </p>
              <p className="mt-1 whitespace-pre-line text-slate-900">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
