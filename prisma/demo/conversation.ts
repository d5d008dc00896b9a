// The demo's patient–care team conversations, told as data like the rest of a story and written
// through the same transaction-level writes as the API (postPatientMessageTx, readConversationTx),
// so each message comes with the inbox items the API would have written.
import { createPatientMessage, readPatientConversation } from './build';
import type { FactoryDb, PatientWithAccount } from './build';
import type { DemoContext } from './context';
import type { Moment, Staff } from './story';

/** Who writes or reads: a clinician of the demo, or the patient themself. */
type Person = Staff | 'patient';

export type DemoConversation = {
  /** Oldest first: when, who, and what they wrote. */
  messages: readonly (readonly [at: Moment, by: Person, body: string])[];
  /** Who opened the conversation when (besides writing, which reads it up to one's own message). */
  reads?: readonly (readonly [by: Person, at: Moment])[];
};

/** Writes the patient's conversation with their team, when the story has one. */
export async function tellConversation(
  db: FactoryDb,
  ctx: DemoContext,
  patient: PatientWithAccount,
  conversation: DemoConversation | undefined,
): Promise<void> {
  if (!conversation) return;
  const person = (who: Person) => (who === 'patient' ? patient.account : ctx.staff[who]);
  const at = ([offset, hour, minute]: Moment) => ctx.at(offset, hour, minute);
  for (const [moment, by, body] of conversation.messages) {
    await createPatientMessage(db, patient, person(by), { body, createdAt: at(moment) });
  }
  for (const [by, moment] of conversation.reads ?? []) {
    await readPatientConversation(db, person(by), patient, at(moment));
  }
}
