// The one write of inbox items: called inside the transaction of the event itself, so an item
// exists exactly when its event committed, and fanned out to the people concerned at that moment
// (the care team's active members, the patient). A `pg_notify` in the same transaction tells the
// live stream (lib/live) who has something new; PostgreSQL delivers it only on commit. The
// emails the items call for (./email-by-preference.ts) are queued in the same transaction too.
// No 'server-only' and no db import: the demo seed writes its events through these too.
import type { Tx } from '@/lib/db';
import type { NotificationKind, Role } from '@/lib/schemas/enums';
import type { ScopedPatient } from '@/lib/data/scope';
import { emailItemsTx } from '@/lib/data/notifications/email-by-preference';

/** The channel the live stream listens on; each payload is one recipient's user id. */
export const NOTIFICATION_CHANNEL = 'triad_notifications';

/** Who receives an item: the patient, and/or active care-team clinicians (optionally one role). */
export type Audience = {
  /** Active care-team clinicians; a role narrows it (a dose change goes to the therapists). */
  careTeam?: boolean | Role;
  /** One active care-team clinician (an appointment's own clinician), worded as the care team. */
  clinicianId?: string;
  /** The patient whose record it is. */
  patient?: boolean;
};

export type NotificationEvent = {
  kind: NotificationKind;
  /** Summary for the care team, in clinical words; never psychotherapy-note content. */
  careTeamSummary?: string;
  /** Summary for the patient, in plain words. Required when the audience includes the patient. */
  patientSummary?: string;
  /** App paths: where the item lands for a clinician and for the patient. */
  careTeamLink?: string;
  patientLink?: string;
  urgent?: boolean;
  /** The record the item is about (a flag, a change, a plan version, a note...). */
  subjectId?: string | null;
  safetyFlagId?: string | null;
  /** Who caused it: never notified of their own act. */
  actorId?: string | null;
  /** For items a sweep may write again: at most one per recipient and key. */
  dedupeKey?: string;
  at?: Date;
};

/** The clinician's chart path and the patient's My care path, for links. */
export const chartPath = (patientId: string, rest = '') => `/patients/${patientId}${rest}`;
export const myCarePath = (rest = '') => `/my-care${rest}`;

/**
 * Writes `event`'s items for `audience` of `patient`, inside `tx`. Returns the recipients' ids.
 * SECURITY: recipients are read here, in the event's transaction, from active memberships of the
 * patient's organization, so nobody off the team (or in another organization) gets an item.
 */
export async function notifyTx(
  tx: Tx,
  patient: ScopedPatient,
  audience: Audience,
  event: NotificationEvent,
): Promise<string[]> {
  const rows: { recipientId: string; summary: string; link: string }[] = [];
  if (audience.careTeam || audience.clinicianId) {
    if (!event.careTeamSummary || !event.careTeamLink) {
      throw new Error(`A care-team notification (${event.kind}) needs a summary and a link.`);
    }
    const members = await tx.careTeamMembership.findMany({
      where: {
        patientId: patient.id,
        organizationId: patient.organizationId,
        endedAt: null,
        clinician: {
          organizationId: patient.organizationId,
          disabledAt: null,
          ...(typeof audience.careTeam === 'string' ? { role: audience.careTeam } : {}),
        },
        ...(audience.clinicianId && !audience.careTeam
          ? { clinicianId: audience.clinicianId }
          : {}),
      },
      select: { clinicianId: true },
      distinct: ['clinicianId'],
    });
    for (const { clinicianId } of members) {
      rows.push({
        recipientId: clinicianId,
        summary: event.careTeamSummary,
        link: event.careTeamLink,
      });
    }
  }
  if (audience.patient) {
    if (!event.patientSummary || !event.patientLink) {
      throw new Error(`A patient notification (${event.kind}) needs a summary and a link.`);
    }
    const self = await tx.patient.findFirst({
      where: { id: patient.id, organizationId: patient.organizationId },
      select: { userId: true },
    });
    if (self) {
      rows.push({
        recipientId: self.userId,
        summary: event.patientSummary,
        link: event.patientLink,
      });
    }
  }
  const recipients = rows.filter((row) => row.recipientId !== event.actorId);
  if (recipients.length === 0) return [];
  const written = await tx.notification.createManyAndReturn({
    data: recipients.map((row) => ({
      organizationId: patient.organizationId,
      patientId: patient.id,
      recipientId: row.recipientId,
      kind: event.kind,
      urgent: event.urgent ?? false,
      summary: row.summary,
      link: row.link,
      subjectId: event.subjectId ?? null,
      safetyFlagId: event.safetyFlagId ?? null,
      actorId: event.actorId ?? null,
      dedupeKey: event.dedupeKey ?? null,
      createdAt: event.at,
    })),
    // A sweep's item (dedupeKey) already written for a recipient is not written twice.
    skipDuplicates: event.dedupeKey !== undefined,
    select: { id: true, recipientId: true, kind: true, urgent: true },
  });
  // The emails these items call for, by each recipient's preferences, in the same transaction.
  await emailItemsTx(tx, patient.organizationId, written, event.at ?? new Date());
  const ids = recipients.map((row) => row.recipientId);
  await tx.$executeRaw`SELECT pg_notify(${NOTIFICATION_CHANNEL}, id) FROM unnest(${ids}::text[]) AS id`;
  return ids;
}
