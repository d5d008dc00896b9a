// Contact details and safety-plan versions, written through the app's own transaction-level
// writes (saveContactTx, saveSafetyPlanTx): a demo or test row has a shape the API could write.
import { saveContactTx } from '@/lib/data/contact/write';
import { findSafetyPlan } from '@/lib/data/safety-plan/shared';
import { saveSafetyPlanTx } from '@/lib/data/safety-plan/save';
import { ContactInput } from '@/lib/schemas/contact';
import { SafetyPlanInput } from '@/lib/schemas/safety-plan';
import type { FactoryDb, PatientRef, UserRef } from './accounts';

/** A patient's contact details (a phone and an emergency contact unless told otherwise). */
export async function createContact(
  db: FactoryDb,
  patient: PatientRef,
  by: UserRef,
  input: ContactInput = {
    phone: '(312) 555-0100',
    preferredContact: 'TEXT',
    emergencyName: 'Jamie Ellis',
    emergencyRelationship: 'Sibling',
    emergencyPhone: '(312) 555-0199',
  },
  at?: Date,
) {
  return saveContactTx(db, patient, by, ContactInput.parse(input), at);
}

/** A short safety plan with something in every section. */
export const SAMPLE_SAFETY_PLAN: SafetyPlanInput = {
  warningSigns: ['Staying in bed past noon', 'Thinking “nothing will change”'],
  copingStrategies: ['A walk around the block', 'Music with headphones'],
  distractions: [{ name: 'The library reading room', place: 'Main Street' }],
  helpers: [{ name: 'Jamie Ellis', phone: '(312) 555-0199' }],
  professionals: [{ name: 'Riverbend after-hours line', phone: '(312) 555-0150', role: 'Clinic' }],
  environmentSafety: ['Medications kept by a friend'],
  reasonsForLiving: ['My dog, Pepper'],
};

/**
 * The next version of the patient's safety plan by `author` (whatever version is current), as
 * the API writes it.
 */
export async function createSafetyPlanVersion(
  db: FactoryDb,
  patient: PatientRef,
  author: UserRef,
  input: SafetyPlanInput = SAMPLE_SAFETY_PLAN,
  at?: Date,
) {
  const current = (await findSafetyPlan(db, patient))?.currentVersion ?? 0;
  return saveSafetyPlanTx(db, patient, author, current, SafetyPlanInput.parse(input), at);
}
