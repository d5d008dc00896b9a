// The transaction-level writes and counts of the patient–care team conversation. The API
// (./index.ts) wraps them with the access check, idempotency and the audit; the demo seed and the
// test factories call them as they are. No 'server-only' and no db import: the seed runs under
// plain Node.
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { Role } from '@/lib/schemas/enums';
import { chartPath, myCarePath, notifyTx } from '@/lib/data/notifications/notify';
import type { ScopedPatient } from '@/lib/data/scope';
import type { ConversationMessage } from '@/lib/schemas/conversation';

/** Who writes or reads: the patient's own account, or a clinician of their active care team. */
export type ConversationPerson = { id: string; name: string; role: Role };

/** The columns of a message as answers show it (lib/data/conversation only). */
export const messageSelect = {
  id: true,
  body: true,
  createdAt: true,
  author: { select: { id: true, name: true, role: true } },
} as const satisfies Prisma.PatientMessageSelect;

/** A message row as messageSelect reads it. */
export type MessageRow = Prisma.PatientMessageGetPayload<{ select: typeof messageSelect }>;

/** A message as `readerId` sees it (`mine` when they wrote it). */
export function toConversationMessage(row: MessageRow, readerId: string): ConversationMessage {
  const { role } = row.author;
  return {
    id: row.id,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    author: {
      id: row.author.id,
      name: row.author.name,
      // Only the patient and their clinicians write (conversation.write): never an admin.
      role: role === 'PATIENT' || role === 'PRESCRIBER' ? role : 'THERAPIST',
    },
    mine: row.author.id === readerId,
  };
}

/** The link of the conversation for the care team (the chart's tab) and for the patient. */
export const conversationLinks = (patientId: string) => ({
  careTeam: chartPath(patientId, '/conversation'),
  patient: myCarePath('/messages'),
});

/**
 * Writes `body` (already parsed: trimmed, non-blank) from `author` to `patient`'s conversation,
 * and its inbox items in the same transaction: a patient's message reaches every active
 * care-team clinician; a clinician's reaches the patient and the other clinicians. The author is
 * never notified, and has read the conversation up to their own message. SECURITY: the items'
 * summaries never carry the message's text (what an email is derived from must hold no PHI).
 * The caller has checked that `author` may write here (the API: conversation.write in scope).
 */
export async function postPatientMessageTx(
  tx: Tx,
  author: ConversationPerson,
  patient: ScopedPatient,
  body: string,
  at: Date = new Date(),
): Promise<ConversationMessage> {
  const row = await tx.patientMessage.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      authorId: author.id,
      body,
      createdAt: at,
    },
    select: messageSelect,
  });
  const links = conversationLinks(patient.id);
  const byPatient = author.role === 'PATIENT';
  await notifyTx(
    tx,
    patient,
    { careTeam: true, patient: !byPatient },
    {
      kind: 'PATIENT_MESSAGE',
      careTeamSummary: byPatient
        ? 'New message from the patient.'
        : `${author.name} wrote in the conversation with the patient.`,
      careTeamLink: links.careTeam,
      patientSummary: 'A new message from your care team.',
      patientLink: links.patient,
      subjectId: row.id,
      actorId: author.id,
      at,
    },
  );
  await readConversationTx(tx, author.id, patient, at);
  return toConversationMessage(row, author.id);
}

/**
 * Marks `patient`'s conversation read by `readerId` up to `at` (never back in time), and their
 * inbox items about its messages up to then: opening the conversation is reading them.
 */
export async function readConversationTx(
  tx: Tx,
  readerId: string,
  patient: ScopedPatient,
  at: Date = new Date(),
): Promise<Date> {
  const key = { userId: readerId, patientId: patient.id, organizationId: patient.organizationId };
  await tx.conversationRead.createMany({
    data: [{ ...key, lastReadAt: at }],
    skipDuplicates: true,
  });
  await tx.conversationRead.updateMany({
    where: { ...key, lastReadAt: { lt: at } },
    data: { lastReadAt: at },
  });
  await tx.notification.updateMany({
    where: {
      recipientId: readerId,
      organizationId: patient.organizationId,
      patientId: patient.id,
      kind: 'PATIENT_MESSAGE',
      readAt: null,
      createdAt: { lte: at },
    },
    data: { readAt: at },
  });
  const read = await tx.conversationRead.findFirstOrThrow({
    where: key,
    select: { lastReadAt: true },
  });
  return read.lastReadAt;
}

/**
 * How many messages of `patient`'s conversation someone other than `readerId` wrote after the
 * reader last read it (all of them when they never did). The caller has scoped the patient. One
 * statement: the reader's mark is a subquery (Prisma cannot compare with another row's column).
 */
export async function conversationUnreadTx(
  tx: Tx,
  readerId: string,
  patient: ScopedPatient,
): Promise<number> {
  const [row] = await tx.$queryRaw<[{ unread: number }]>`
    SELECT count(*)::int AS unread FROM "PatientMessage" m
     WHERE m."patientId" = ${patient.id}::uuid AND m."organizationId" = ${patient.organizationId}::uuid
       AND m."authorId" <> ${readerId}::uuid
       AND m."createdAt" > COALESCE(
             (SELECT r."lastReadAt" FROM "ConversationRead" r
               WHERE r."userId" = ${readerId}::uuid AND r."patientId" = ${patient.id}::uuid
                 AND r."organizationId" = ${patient.organizationId}::uuid),
             '-infinity')`;
  return row.unread;
}
