import 'server-only';
import type { Viewer } from '@/lib/auth/viewer';
import { withPatientAccess } from '@/lib/data/patient-access';
import { patientScope } from '@/lib/data/scope';
import { contactSelect, saveContactTx, toContact } from '@/lib/data/contact/write';
import { parseInput } from '@/lib/errors';
import { ContactInput, type Contact } from '@/lib/schemas/contact';

/**
 * The patient, clinicians on their active care team and admins of their organization: the
 * patient's phone, preferred contact and emergency contact (every field null before anyone wrote
 * them). NotFoundError out of scope. Audited as a read of 'contact'.
 */
export async function getContact(viewer: Viewer, patientId: string): Promise<Contact> {
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'contact.read', action: 'read', resourceType: 'contact' },
    async (tx, patient) =>
      toContact(
        await tx.patientContact.findFirst({ where: patientScope(patient), select: contactSelect }),
      ),
  );
}

/**
 * The patient, clinicians on their active care team and admins of their organization: replaces
 * the contact details (a field left out is cleared). InvalidInputError (400, on the field) when
 * an emergency contact lacks a name or a phone; NotFoundError out of scope. Audited as an update
 * of 'contact'.
 */
export async function putContact(
  viewer: Viewer,
  patientId: string,
  input: ContactInput,
): Promise<Contact> {
  const details = parseInput(ContactInput, input);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'contact.edit', action: 'update', resourceType: 'contact' },
    (tx, patient) => saveContactTx(tx, patient, { id: viewer.userId }, details),
  );
}
