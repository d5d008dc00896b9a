import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AppointmentActions } from '@/components/appointments/appointment-actions';
import { AppointmentDetails } from '@/components/appointments/appointment-details';
import { localDate, longDay, timeOf, zoneName } from '@/lib/visit-time';
import { BackLink } from '@/components/layout/back-link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireViewer } from '@/lib/auth/session';
import { isClinician } from '@/lib/auth/viewer';
import { getAppointment } from '@/lib/data/appointments';
import { ownTimeZone } from '@/lib/data/appointments/day';
import { orNotFound } from '@/lib/page-errors';
import { APPOINTMENT_KIND_WORDS } from '@/lib/schemas/appointments';

export const metadata: Metadata = { title: 'Visit' };

/**
 * One visit, for anyone who may read it (patients have their own pages). Schedulers (clinicians
 * on the team, admins) move it along, reschedule or cancel it; its clinician writes the note.
 */
export default async function AppointmentPage({
  params,
}: {
  params: Promise<{ appointmentId: string }>;
}) {
  const viewer = await requireViewer();
  if (viewer.role === 'PATIENT') redirect('/my-care/appointments');
  const { appointmentId } = await params;
  const appointment = await orNotFound(getAppointment(viewer, appointmentId));
  const timeZone = await ownTimeZone(viewer);
  const date = localDate(appointment.startsAt, timeZone);
  const clinician = isClinician(viewer.role);
  const isItsClinician = appointment.clinician.id === viewer.userId;
  const chart = `/patients/${appointment.patient.id}`;
  const { status } = appointment;

  return (
    <>
      <BackLink href={clinician ? `/today?date=${date}` : '/admin/schedule'} placement="above">
        {clinician ? 'Back to the day' : 'Back to the schedule'}
      </BackLink>
      <PageHeader
        title={`${APPOINTMENT_KIND_WORDS[appointment.kind]} with ${appointment.patient.name}`}
      >
        <p>
          {longDay(date)}, {timeOf(appointment.startsAt, timeZone)} –{' '}
          {timeOf(appointment.endsAt, timeZone)} (
          {zoneName(timeZone, new Date(appointment.startsAt))})
        </p>
      </PageHeader>
      <div className="space-y-6">
        <Card
          title="Visit details"
          titleId="visit-heading"
          actions={
            clinician ? (
              <Link href={chart} className={buttonClass('secondary', 'px-3 py-1.5')}>
                Open brief<span className="sr-only"> for {appointment.patient.name}</span>
              </Link>
            ) : null
          }
        >
          <AppointmentDetails appointment={appointment} chart={clinician ? chart : null} />
        </Card>
        {isItsClinician && status !== 'CANCELLED' ? (
          <Card title="Session note" titleId="visit-note-heading">
            {appointment.sessionNoteId ? (
              <Link
                href={`${chart}/notes/${appointment.sessionNoteId}`}
                className={buttonClass('secondary')}
              >
                Open the note
              </Link>
            ) : (
              <div className="space-y-3">
                <p className="text-sm text-slate-700">
                  No note has been written for this visit yet.
                </p>
                <Link
                  href={`${chart}/notes/new?appointmentId=${appointment.id}`}
                  className={buttonClass('primary')}
                >
                  Write the session note
                </Link>
              </div>
            )}
          </Card>
        ) : null}
        {can(viewer, 'appointment.schedule') ? (
          <Card title="Change this visit" titleId="visit-actions-heading">
            <AppointmentActions appointment={appointment} timeZone={timeZone} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
