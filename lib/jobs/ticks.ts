// The periodic work of the delivery issue (escalations, reminders, digests), each a "tick" that
// finds what is due at `now` and queues it, idempotently (dedupe keys), so running a tick twice,
// or on two servers at once, queues nothing twice. The job runner (lib/jobs) runs every tick once
// a minute; tests call a tick with a moved clock.
import { runAuditRetention, runCheckInRetention } from '@/lib/data/retention-tick';
import { runAppointmentReminders } from '@/lib/data/appointments/reminders';
import { runDigests } from '@/lib/data/notifications/digest';
import { runReminders } from '@/lib/data/reminders/tick';
import { runEscalations } from '@/lib/data/safety-flags/escalation';
export type Tick = {
  name: string;
  /** Queues what is due at `now`; returns how many items it queued. */
  run: (now: Date) => Promise<number>;
};

/** Every tick, in the order the runner calls them. Each module adds its own here. */
export const TICKS: Tick[] = [
  // Urgent safety flags nobody acknowledged: the care team and admins (lib/data/safety-flags).
  { name: 'safety-escalation', run: (now) => runEscalations(now) },
  // The daily summary email at 7:00 local (lib/data/notifications/digest.ts).
  { name: 'notification-digest', run: (now) => runDigests(now) },
  // Check-in, questionnaire and plan reminders at each patient's hour (lib/data/reminders).
  { name: 'patient-reminders', run: (now) => runReminders(now) },
  // Each visit's patient, 24 hours and 1 hour before (lib/data/appointments/reminders.ts).
  { name: 'appointment-reminders', run: (now) => runAppointmentReminders(now) },
  // The audit trail's monthly partitions: the coming months created, the expired dropped
  // (lib/data/audit-retention.ts, docs/operations/retention.md).
  { name: 'audit-partitions', run: (now) => runAuditRetention(now) },
  // Check-ins' monthly partitions: the coming months created; expired months dropped only when
  // CHECK_IN_RETENTION_MONTHS is set (lib/data/check-in-retention.ts).
  { name: 'check-in-partitions', run: (now) => runCheckInRetention(now) },
];
