// Inbox items. Events write theirs through notifyTx (lib/data/notifications/notify.ts) in their own
// transaction, and tests should make items that way (a PHQ-9 through createAssessment, or `notify`
// below). createInboxItem writes one row for one recipient directly, in the shape notifyTx writes,
// for a recipient no event reaches yet (an admin) or an item a test needs exactly as it is.
import type { Notification } from '@/prisma/generated/client';
import type { NotificationKind } from '@/lib/schemas/enums';
import { notifyTx, type Audience, type NotificationEvent } from '@/lib/data/notifications/notify';
import type { FactoryDb, PatientRef } from './accounts';
import { nextStamp } from './dates';

/** An event's items, as notifyTx writes them (the recipients' ids). */
export function notify(
  db: FactoryDb,
  patient: PatientRef,
  audience: Audience,
  event: NotificationEvent,
): Promise<string[]> {
  return notifyTx(db, { id: patient.id, organizationId: patient.organizationId }, audience, event);
}

export type InboxItemSpec = {
  /** The patient it is about (null: about no one patient). */
  patient?: PatientRef | null;
  kind?: NotificationKind;
  summary?: string;
  link?: string;
  urgent?: boolean;
  safetyFlagId?: string | null;
  createdAt?: Date;
  readAt?: Date | null;
};

/** One inbox item for `recipient` (a user: a clinician's, admin's or patient's account). */
export function createInboxItem(
  db: FactoryDb,
  recipient: { id: string; organizationId: string },
  spec: InboxItemSpec = {},
): Promise<Notification> {
  const patient = spec.patient ?? null;
  return db.notification.create({
    data: {
      organizationId: recipient.organizationId,
      recipientId: recipient.id,
      patientId: patient?.id ?? null,
      kind: spec.kind ?? 'CARE_TEAM_MESSAGE',
      urgent: spec.urgent ?? false,
      summary: spec.summary ?? 'A new message from the care team.',
      link: spec.link ?? (patient ? `/patients/${patient.id}/messages` : '/inbox'),
      safetyFlagId: spec.safetyFlagId ?? null,
      createdAt: spec.createdAt ?? nextStamp(),
      readAt: spec.readAt ?? null,
    },
  });
}
