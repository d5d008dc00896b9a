// Appointment reminders (issue 14, point 6; docs/decisions/024-reminders-and-escalation.md): the
// patient of a SCHEDULED visit is emailed APPOINTMENT_REMINDER (no PHI: the template names no
// time, clinician or kind; the link is /my-care/appointments)
// - 24 hours before: sent once due, until 2 hours before the visit; not for a visit booked less
//   than 24 hours before it starts (the patient has just heard of it);
// - 1 hour before: sent once due, until 15 minutes before; not for a visit booked within the hour.
// Off when the patient turned ReminderSettings.appointmentReminders off (no row: on).
// Keys `appointment:<id>:24h:<start ISO>` (and `:1h:`): one email per visit, reminder and start
// time, so a visit moved to another time is reminded of again for its new time, and a tick run
// twice, or on two servers at once, queues each once (the outbox's unique dedupeKey).
import 'server-only';
import { db } from '@/lib/db';
import { queueEmailTx } from '@/lib/data/email/outbox';
import type { TickScope } from '@/lib/data/notifications/digest';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Each reminder: how long before the start it is due, and until how long before it may go. */
export const APPOINTMENT_REMINDERS = [
  { name: '24h', dueBefore: 24 * HOUR, lastBefore: 2 * HOUR },
  { name: '1h', dueBefore: HOUR, lastBefore: 15 * MINUTE },
] as const;

export type AppointmentReminderName = (typeof APPOINTMENT_REMINDERS)[number]['name'];

/** The dedupe key of one reminder of one visit at one start time. */
export function appointmentReminderKey(
  appointmentId: string,
  name: AppointmentReminderName,
  startsAt: Date,
): string {
  return `appointment:${appointmentId}:${name}:${startsAt.toISOString()}`;
}

/** The reminder due for a visit at `now`, if any (the windows do not overlap). */
export function dueReminder(
  visit: { startsAt: Date; createdAt: Date },
  now: Date,
): AppointmentReminderName | null {
  const start = visit.startsAt.getTime();
  for (const reminder of APPOINTMENT_REMINDERS) {
    const due = start - reminder.dueBefore;
    if (now.getTime() < due || now.getTime() >= start - reminder.lastBefore) continue;
    // Booked after the reminder would have gone: the booking was the news.
    if (visit.createdAt.getTime() > due) return null;
    return reminder.name;
  }
  return null;
}

/**
 * The appointment reminders tick: the SCHEDULED visits starting within the next 24 hours (one
 * query on the (status, startsAt) index) whose patients want reminders, each reminder due queued
 * once. Returns how many emails it queued. `only` (tests): one organization's visits.
 */
export async function runAppointmentReminders(now: Date, only?: TickScope): Promise<number> {
  const earliest = Math.min(...APPOINTMENT_REMINDERS.map((r) => r.lastBefore));
  const latest = Math.max(...APPOINTMENT_REMINDERS.map((r) => r.dueBefore));
  const visits = await db.appointment.findMany({
    where: {
      status: 'SCHEDULED',
      startsAt: { gt: new Date(now.getTime() + earliest), lte: new Date(now.getTime() + latest) },
      ...only,
      patient: {
        account: { disabledAt: null },
        OR: [{ reminderSettings: null }, { reminderSettings: { appointmentReminders: true } }],
      },
    },
    select: {
      id: true,
      organizationId: true,
      startsAt: true,
      createdAt: true,
      patient: { select: { userId: true } },
    },
  });
  const due = visits.flatMap((visit) => {
    const name = dueReminder(visit, now);
    return name ? [{ ...visit, key: appointmentReminderKey(visit.id, name, visit.startsAt) }] : [];
  });
  if (due.length === 0) return 0;
  // Queued by an earlier minute: nothing to decide again.
  const queued = new Set(
    (
      await db.emailOutbox.findMany({
        where: { dedupeKey: { in: due.map((d) => d.key) } },
        select: { dedupeKey: true },
      })
    ).map((row) => row.dedupeKey),
  );
  let count = 0;
  for (const visit of due) {
    if (queued.has(visit.key)) continue;
    const sent = await db.$transaction(async (tx) => {
      // Still the same scheduled visit (not cancelled or moved since the query above).
      const still = await tx.appointment.findFirst({
        where: {
          id: visit.id,
          organizationId: visit.organizationId,
          status: 'SCHEDULED',
          startsAt: visit.startsAt,
        },
        select: { id: true },
      });
      if (!still) return false;
      return queueEmailTx(tx, visit.organizationId, {
        recipientId: visit.patient.userId,
        purpose: 'APPOINTMENT_REMINDER',
        link: '/my-care/appointments',
        dedupeKey: visit.key,
      });
    });
    if (sent) count += 1;
  }
  return count;
}
