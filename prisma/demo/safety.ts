// The demo's contact details and safety plans, told as data like the rest of a story and written
// through the same transaction-level writes as the API (prisma/demo/build/safety.ts).
import type { ContactInput } from '@/lib/schemas/contact';
import type { SafetyPlanInput } from '@/lib/schemas/safety-plan';
import {
  createContact,
  createSafetyPlanVersion,
  type FactoryDb,
  type PatientWithAccount,
} from './build';
import type { DemoContext } from './context';
import type { Moment, Staff } from './story';

/** Who wrote it: a clinician of the demo, or the patient themself. */
type Writer = Staff | 'patient';

export type DemoContact = { by: Writer; at: Moment; details: ContactInput };

export type DemoSafetyPlanVersion = { author: Writer; createdAt: Moment; plan: SafetyPlanInput };

/** Writes the patient's contact details and safety-plan versions (oldest first), when the story has them. */
export async function tellSafety(
  db: FactoryDb,
  ctx: DemoContext,
  patient: PatientWithAccount,
  story: { contact?: DemoContact; safetyPlan?: readonly DemoSafetyPlanVersion[] },
): Promise<void> {
  const writer = (who: Writer) => (who === 'patient' ? patient.account : ctx.staff[who]);
  const at = ([offset, hour, minute]: Moment) => ctx.at(offset, hour, minute);
  if (story.contact) {
    const { by, details } = story.contact;
    await createContact(db, patient, writer(by), details, at(story.contact.at));
  }
  for (const version of story.safetyPlan ?? []) {
    await createSafetyPlanVersion(
      db,
      patient,
      writer(version.author),
      version.plan,
      at(version.createdAt),
    );
  }
}
