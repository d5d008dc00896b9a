import type { Metadata } from 'next';
import { SessionNoteForm } from '@/components/notes/session-note-form';
import { defaultNoteKind } from '@/components/notes/session-note-view';
import { Card } from '@/components/ui/card';
import { requireRole } from '@/lib/auth/session';
import { toIsoDate } from '@/lib/format';

export const metadata: Metadata = { title: 'Write a session note' };

/** A new draft note (the chart layout has already checked the viewer is on the team). */
export default async function NewNotePage({ params }: { params: Promise<{ patientId: string }> }) {
  const viewer = await requireRole('PRESCRIBER', 'THERAPIST');
  const { patientId } = await params;
  return (
    <Card
      title="Write a session note"
      titleId="new-note-heading"
      description="It is saved as a draft that only you can see. Sign it when it is complete."
    >
      <SessionNoteForm
        patientId={patientId}
        defaultKind={defaultNoteKind(viewer.role)}
        today={toIsoDate(new Date())}
      />
    </Card>
  );
}
