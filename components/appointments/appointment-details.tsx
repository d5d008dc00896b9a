import Link from 'next/link';
import type { ReactNode } from 'react';
import { StatusBadge } from '@/components/appointments/day-visits';
import { roleLabel } from '@/lib/format';
import type { Appointment } from '@/lib/schemas/appointments';
import { APPOINTMENT_MODALITY_WORDS } from '@/lib/schemas/appointments-values';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[12rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

function repeats(series: NonNullable<Appointment['series']>): string {
  return /INTERVAL=2/.test(series.rrule) ? 'Every two weeks' : 'Every week';
}

/** A visit's facts: status, people, length, place, series, cancellation and the patient's ask. */
export function AppointmentDetails({
  appointment,
  chart,
}: {
  appointment: Appointment;
  /** The patient's chart, for clinicians (null: the name is not a link). */
  chart: string | null;
}) {
  const { status } = appointment;
  return (
    <dl className="divide-y divide-slate-200">
      <Row term="Status">
        <StatusBadge status={status} />
      </Row>
      <Row term="Patient">
        {chart ? (
          <Link href={chart} className="font-medium text-teal-800 underline">
            {appointment.patient.name}
          </Link>
        ) : (
          appointment.patient.name
        )}
      </Row>
      <Row term="Clinician">
        {appointment.clinician.name} ({roleLabel(appointment.clinician.role).toLowerCase()})
      </Row>
      <Row term="Length">{appointment.durationMinutes} minutes</Row>
      <Row term="How">
        {APPOINTMENT_MODALITY_WORDS[appointment.modality]}
        {appointment.location ? `: ${appointment.location}` : ''}
        {appointment.videoUrl ? (
          <>
            :{' '}
            <a href={appointment.videoUrl} className="break-all text-teal-800 underline">
              {appointment.videoUrl}
            </a>
          </>
        ) : null}
      </Row>
      {appointment.series ? <Row term="Repeats">{repeats(appointment.series)}</Row> : null}
      {status === 'CANCELLED' && appointment.cancelledAt ? (
        <Row term="Cancelled">
          {appointment.cancelledBy ? `By ${appointment.cancelledBy.name}` : 'Cancelled'}
          {appointment.cancelReason ? `: ${appointment.cancelReason}` : ''}
        </Row>
      ) : null}
      {appointment.request ? (
        <Row term="The patient asks">
          {appointment.request.kind === 'CANCEL' ? 'To cancel' : 'To reschedule'}
          {appointment.request.reason ? `: “${appointment.request.reason}”` : ''}
        </Row>
      ) : null}
    </dl>
  );
}
