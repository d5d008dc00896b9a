import type { Metadata } from 'next';
import { AppointmentRequestForm } from '@/components/appointments/appointment-request-form';
import { calendarFileHref, VisitPlace } from '@/components/appointments/next-appointment';
import { VisitTime } from '@/components/appointments/visit-time';
import { BackLink } from '@/components/layout/back-link';
import { openOwnRecord } from '@/components/pages/own-record';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ownTimeZone } from '@/lib/data/appointments/day';
import { listPatientAppointments } from '@/lib/data/appointments';
import {
  APPOINTMENT_KIND_WORDS,
  APPOINTMENT_MODALITY_WORDS,
  type Appointment,
} from '@/lib/schemas/appointments';

export const metadata: Metadata = { title: 'My appointments' };

/** How a past visit went, in plain words. */
const PAST_WORDS: Record<Appointment['status'], string> = {
  SCHEDULED: 'Scheduled',
  CHECKED_IN: 'Checked in',
  COMPLETED: 'You came',
  NO_SHOW: 'Missed',
  CANCELLED: 'Cancelled',
};

export default async function MyAppointmentsPage() {
  const { viewer, patientId } = await openOwnRecord();
  const [upcoming, past] = await Promise.all([
    listPatientAppointments(viewer, patientId, { when: 'upcoming', limit: 50 }),
    listPatientAppointments(viewer, patientId, { when: 'past', limit: 25 }),
  ]);
  const timeZone = await ownTimeZone(viewer);
  const askable = notStarted(upcoming.items);
  return (
    <>
      <PageHeader title="My appointments">
        <p>
          Your visits with your care team. Times are shown in your own time zone. If a time no
          longer works for you, ask to cancel or move it and your clinician will get back to you.
        </p>
      </PageHeader>
      <div className="space-y-6">
        <Card title="Coming up" titleId="upcoming-heading">
          {upcoming.items.length === 0 ? (
            <EmptyState title="No appointments coming up.">
              When your care team books a visit with you, it will show here.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200">
              {upcoming.items.map((appointment) => (
                <li key={appointment.id} className="space-y-3 py-4 first:pt-0 last:pb-0">
                  <VisitSummary appointment={appointment} timeZone={timeZone} />
                  <VisitPlace appointment={appointment} />
                  <a
                    href={calendarFileHref(appointment.id)}
                    download
                    className="inline-flex min-h-11 items-center font-medium text-teal-800 underline"
                  >
                    Add to calendar
                    <span className="sr-only">
                      : {APPOINTMENT_KIND_WORDS[appointment.kind]} with {appointment.clinician.name}
                    </span>
                  </a>
                  {askable.has(appointment.id) ? (
                    <AppointmentRequestForm appointment={appointment} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Past visits" titleId="past-heading">
          {past.items.length === 0 ? (
            <EmptyState title="No past visits yet." />
          ) : (
            <ul className="divide-y divide-slate-200">
              {past.items.map((appointment) => (
                <li
                  key={appointment.id}
                  className="flex flex-wrap items-start justify-between gap-2 py-3 first:pt-0 last:pb-0"
                >
                  <VisitSummary appointment={appointment} timeZone={timeZone} />
                  <Badge tone={appointment.status === 'COMPLETED' ? 'teal' : 'neutral'}>
                    {PAST_WORDS[appointment.status]}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <BackLink href="/my-care" placement="below">
        Back to My care
      </BackLink>
    </>
  );
}

/** The scheduled visits that have not started: those the patient may ask to cancel or move. */
function notStarted(items: Appointment[], now = new Date()): Set<string> {
  return new Set(
    items
      .filter((a) => a.status === 'SCHEDULED' && Date.parse(a.startsAt) > now.getTime())
      .map((a) => a.id),
  );
}

/** When, what and with whom. */
function VisitSummary({ appointment, timeZone }: { appointment: Appointment; timeZone: string }) {
  return (
    <div>
      <p className="font-semibold text-slate-900">
        <VisitTime
          startsAt={appointment.startsAt}
          endsAt={appointment.endsAt}
          timeZone={timeZone}
        />
      </p>
      <p className="text-slate-800">
        {APPOINTMENT_KIND_WORDS[appointment.kind]} with {appointment.clinician.name} (
        {APPOINTMENT_MODALITY_WORDS[appointment.modality].toLowerCase()})
      </p>
    </div>
  );
}
