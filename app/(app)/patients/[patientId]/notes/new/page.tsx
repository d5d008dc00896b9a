import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { localDate, longDay, timeOf } from '@/lib/visit-time';
import { SessionNoteForm } from '@/components/notes/session-note-form';
import { defaultNoteKind } from '@/components/notes/session-note-view';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { Card } from '@/components/ui/card';
import { getAppointment } from '@/lib/data/appointments';
import { ownTimeZone } from '@/lib/data/appointments/day';
import { toIsoDate } from '@/lib/format';
import { orNotFound } from '@/lib/page-errors';
import type { Appointment } from '@/lib/schemas/appointments';
import type { SessionNote } from '@/lib/schemas/session-notes';

export const metadata: Metadata = { title: 'Write a session note' };

/** The note kind a visit's kind is written as, where there is one. */
function noteKindOf(kind: Appointment['kind']): SessionNote['kind'] | null {
  if (kind === 'THERAPY' || kind === 'MEDICATION_MANAGEMENT') return kind;
  return null;
}

/**
 * A new draft note (the chart layout has already checked the viewer is on the team). With
 * `?appointmentId=` of one of the viewer's visits with this patient, the note records that visit:
 * its kind and local date come prefilled, and a visit that already has a note opens that note.
 */
export default async function NewNotePage({ params, searchParams }: ChartPageProps) {
  const { viewer, patientId } = await openChart(params);
  const given = (await searchParams).appointmentId;
  const visit =
    typeof given === 'string' && given !== ''
      ? await orNotFound(getAppointment(viewer, given))
      : null;
  if (visit && visit.patient.id !== patientId) notFound();
  if (visit?.sessionNoteId) redirect(`/patients/${patientId}/notes/${visit.sessionNoteId}`);
  const linkable = visit && visit.clinician.id === viewer.userId && visit.status !== 'CANCELLED';
  const timeZone = linkable ? await ownTimeZone(viewer) : 'UTC';
  const sessionDate = linkable ? localDate(visit.startsAt, timeZone) : null;

  return (
    <Card
      title="Write a session note"
      titleId="new-note-heading"
      description={
        linkable && sessionDate
          ? `For the visit on ${longDay(sessionDate)} at ${timeOf(visit.startsAt, timeZone)}. It is saved as a draft that only you can see. Sign it when it is complete.`
          : 'It is saved as a draft that only you can see. Sign it when it is complete.'
      }
    >
      <SessionNoteForm
        patientId={patientId}
        defaultKind={(linkable && noteKindOf(visit.kind)) || defaultNoteKind(viewer.role)}
        today={toIsoDate(new Date())}
        visit={linkable && sessionDate ? { appointmentId: visit.id, sessionDate } : undefined}
      />
    </Card>
  );
}
