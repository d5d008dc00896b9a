import type { Metadata } from 'next';
import { SessionNoteForm } from '@/components/notes/session-note-form';
import { defaultNoteKind } from '@/components/notes/session-note-view';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { Card } from '@/components/ui/card';
import { toIsoDate } from '@/lib/format';

export const metadata: Metadata = { title: 'Write a session note' };

/** A new draft note (the chart layout has already checked the viewer is on the team). */
export default async function NewNotePage({ params }: Pick<ChartPageProps, 'params'>) {
  const { viewer, patientId } = await openChart(params);
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
