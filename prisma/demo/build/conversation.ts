// The patient–care team conversation, written through the app's own transaction-level writes
// (postPatientMessageTx, readConversationTx), so a demo or test message has the inbox items the
// API would have written with it.
import type { User } from '@/prisma/generated/client';
import { postPatientMessageTx, readConversationTx } from '@/lib/data/conversation/write';
import { ConversationMessageInput } from '@/lib/schemas/conversation';
import type { FactoryDb, PatientRef } from './accounts';
import { nextStamp } from './dates';

/** A message from `author` (the patient's account or a clinician of the team) at `createdAt`. */
export async function createPatientMessage(
  db: FactoryDb,
  patient: PatientRef,
  author: Pick<User, 'id' | 'name' | 'role'>,
  options: { body?: string; createdAt?: Date } = {},
) {
  const { body } = ConversationMessageInput.parse({
    body: options.body ?? 'A question for my care team about the new wake-up time.',
  });
  return postPatientMessageTx(db, author, patient, body, options.createdAt ?? nextStamp());
}

/** `reader` has read the patient's conversation up to `at`. */
export function readPatientConversation(
  db: FactoryDb,
  reader: Pick<User, 'id'>,
  patient: PatientRef,
  at: Date = nextStamp(),
) {
  return readConversationTx(db, reader.id, patient, at);
}
