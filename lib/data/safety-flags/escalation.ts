// Escalation (issue 13, point 4): an URGENT safety flag still OPEN (nobody acknowledged it) once
// its organization's `safetyEscalationMinutes` have passed since it was raised queues an
// ESCALATION email to every active clinician of the patient's care team (link /inbox) and every
// active admin of the organization (link /admin); a second round at twice the delay; nothing once
// acknowledged. The email says only that an item needs attention (no PHI). Each round is one
// audit event by the system (no actor), on the patient's record.
//
// A tick (lib/jobs/ticks.ts) runs it every minute. Safe twice and on two servers: a round is
// decided under an advisory lock on the flag and written once (dedupe keys
// `escalation:<flagId>:<round>:<userId>`); the round's audit event is the record that it is done.
import 'server-only';
import { db, type Tx } from '@/lib/db';
import { writeAuditEvent } from '@/lib/data/audit';
import { queueEmailTx } from '@/lib/data/email/outbox';
import { lockFor } from '@/lib/data/lock';
import type { TickScope } from '@/lib/data/notifications/digest';

/** Rounds of escalation: at 1× and 2× the organization's delay. */
export const ESCALATION_ROUNDS = 2;

export const escalationKey = (flagId: string, round: number, userId: string) =>
  `escalation:${flagId}:${round}:${userId}`;

/** The round due for a flag raised `minutesOpen` ago with `delay`: 0 for none yet. */
export function escalationRound(minutesOpen: number, delay: number): number {
  if (delay <= 0) return 0;
  return Math.min(ESCALATION_ROUNDS, Math.floor(minutesOpen / delay));
}

const roundDetail = (round: number) => `escalation round ${round}`;
const roundOf = (detail: string | null) =>
  Number(/^escalation round (\d+)/.exec(detail ?? '')?.[1] ?? 0);

type OpenFlag = { id: string; organizationId: string; patientId: string };

/** The people a round emails: the active care team, then the organization's active admins. */
async function escalationRecipients(tx: Tx, flag: OpenFlag) {
  const team = await tx.careTeamMembership.findMany({
    where: {
      patientId: flag.patientId,
      organizationId: flag.organizationId,
      endedAt: null,
      clinician: { organizationId: flag.organizationId, disabledAt: null },
    },
    select: { clinicianId: true, clinician: { select: { name: true } } },
    distinct: ['clinicianId'],
  });
  const admins = await tx.user.findMany({
    where: { organizationId: flag.organizationId, role: 'ADMIN', disabledAt: null },
    select: { id: true },
  });
  // Admins are told whose patient it is, so they can reach those clinicians; never the patient.
  const clinicians = team.map((m) => m.clinician.name).sort();
  return [
    ...team.map((m) => ({ userId: m.clinicianId, link: '/inbox', clinicians: undefined })),
    ...admins.map((a) => ({ userId: a.id, link: '/admin', clinicians })),
  ];
}

/** Round `round` of `flag`, unless it (or a later one) was already sent or the flag moved on. */
async function escalateTx(tx: Tx, flag: OpenFlag, round: number): Promise<number> {
  await lockFor(tx, 'escalation', flag.id);
  const still = await tx.safetyFlag.findFirst({
    where: { id: flag.id, organizationId: flag.organizationId, status: 'OPEN', urgency: 'URGENT' },
    select: { id: true },
  });
  if (!still) return 0;
  // The rounds done are the audit events written for them (a round that found nobody to email
  // is done too, and is not tried again every minute).
  const done = await tx.auditEvent.findMany({
    where: {
      organizationId: flag.organizationId,
      resourceType: 'safetyFlag',
      resourceId: flag.id,
      action: 'escalate',
    },
    select: { detail: true },
  });
  const lastRound = Math.max(0, ...done.map((row) => roundOf(row.detail)));
  if (lastRound >= round) return 0;
  const recipients = await escalationRecipients(tx, flag);
  let queued = 0;
  for (const recipient of recipients) {
    const isQueued = await queueEmailTx(tx, flag.organizationId, {
      recipientId: recipient.userId,
      purpose: 'ESCALATION',
      link: recipient.link,
      dedupeKey: escalationKey(flag.id, round, recipient.userId),
      clinicians: recipient.clinicians,
    });
    if (isQueued) queued += 1;
  }
  const admins = recipients.filter((r) => r.link === '/admin').length;
  await writeAuditEvent(tx, {
    organizationId: flag.organizationId,
    actorId: null,
    actorRole: null,
    action: 'escalate',
    resourceType: 'safetyFlag',
    resourceId: flag.id,
    patientId: flag.patientId,
    outcome: 'ALLOWED',
    detail: `${roundDetail(round)}: emailed ${recipients.length - admins} care-team clinicians and ${admins} admins`,
  });
  return queued;
}

/**
 * The escalation tick: every URGENT flag still OPEN at `now` whose round is due and not yet sent.
 * A flag found late (the runner was down) gets the latest round due only, not every round at
 * once. Returns how many emails it queued. `only` (tests): one organization's flags.
 */
export async function runEscalations(now: Date, only?: TickScope): Promise<number> {
  const flags = await db.safetyFlag.findMany({
    where: { status: 'OPEN', urgency: 'URGENT', ...only },
    select: {
      id: true,
      organizationId: true,
      patientId: true,
      raisedAt: true,
      patient: { select: { organization: { select: { safetyEscalationMinutes: true } } } },
    },
  });
  let queued = 0;
  for (const flag of flags) {
    const minutesOpen = (now.getTime() - flag.raisedAt.getTime()) / 60_000;
    const round = escalationRound(minutesOpen, flag.patient.organization.safetyEscalationMinutes);
    if (round === 0) continue;
    queued += await db.$transaction((tx) => escalateTx(tx, flag, round));
  }
  return queued;
}
