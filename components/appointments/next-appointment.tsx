import Link from 'next/link';
import { VisitTime } from '@/components/appointments/visit-time';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClass } from '@/components/ui/button';
import type { Appointment } from '@/lib/schemas/appointments';
import {
  APPOINTMENT_KIND_WORDS,
  APPOINTMENT_MODALITY_WORDS,
} from '@/lib/schemas/appointments-values';

/** The link that downloads a visit as an .ics file. */
export const calendarFileHref = (id: string) => `/api/v1/appointments/${id}/calendar.ics`;

/** Where a visit happens, in plain words: the place, the link to join, or the phone. */
export function VisitPlace({ appointment }: { appointment: Appointment }) {
  if (appointment.modality === 'VIDEO' && appointment.videoUrl) {
    return (
      <a
        href={appointment.videoUrl}
        target="_blank"
        rel="noopener noreferrer"
        className={buttonClass('primary', 'inline-flex')}
      >
        Join the video visit
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    );
  }
  if (appointment.modality === 'IN_PERSON' && appointment.location) {
    return (
      <p className="text-slate-800">
        <span className="font-medium">Where:</span> {appointment.location}
      </p>
    );
  }
  return <p className="text-slate-800">Your clinician will call you.</p>;
}

/** My care's "Your next appointment": when, what, with whom, how, and "Add to calendar". */
export function NextAppointment({
  appointment,
  timeZone,
}: {
  appointment: Appointment | null;
  timeZone: string;
}) {
  if (!appointment) {
    return (
      <EmptyState title="No appointments coming up.">
        When your care team books a visit with you, it will show here.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-lg font-semibold text-slate-900">
        <VisitTime startsAt={appointment.startsAt} timeZone={timeZone} />
      </p>
      <p className="text-slate-800">
        {APPOINTMENT_KIND_WORDS[appointment.kind]} with {appointment.clinician.name} ·{' '}
        {APPOINTMENT_MODALITY_WORDS[appointment.modality].toLowerCase()} ·{' '}
        {appointment.durationMinutes} minutes
      </p>
      <VisitPlace appointment={appointment} />
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        <a
          href={calendarFileHref(appointment.id)}
          download
          className="inline-flex min-h-11 items-center font-medium text-teal-800 underline"
        >
          Add to calendar
        </a>
        <Link
          href="/my-care/appointments"
          className="inline-flex min-h-11 items-center font-medium text-teal-800 underline"
        >
          All my appointments
        </Link>
      </div>
    </div>
  );
}
