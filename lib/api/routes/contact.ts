// A patient's contact details: phone, preferred contact, emergency contact (issue 12).
import { defineRoute } from '@/lib/api/define-route';
import { getContact, putContact } from '@/lib/data/contact';
import { Contact, ContactInput } from '@/lib/schemas/contact';
import { PatientParams } from '@/lib/schemas/patients';

const PATH = '/api/v1/patients/{patientId}/contact';
const tag = 'Contact details';
const WHO =
  'The patient, clinicians on their active care team and admins of their organization (they run the front desk); anyone else 404.';

/** The routes of the contact-details API. */
export const contactRoutes = [
  defineRoute({
    method: 'GET',
    path: PATH,
    tag,
    summary: 'The patient’s phone, preferred contact and emergency contact',
    who: `${WHO} Every field is null until someone writes them.`,
    permission: 'contact.read',
    params: PatientParams,
    success: { status: 200, description: 'The contact details.', schema: Contact },
    handler: ({ viewer, params }) => getContact(viewer, params.patientId),
  }),
  defineRoute({
    method: 'PUT',
    path: PATH,
    tag,
    summary: 'Replace the contact details',
    who: `${WHO} The body is the whole set: a field left out or null is cleared. An emergency contact needs a name and a phone; a preferred phone call or text needs a phone (400 on the field). What GET answered may be sent back: \`updatedAt\` and \`updatedBy\` are ignored.`,
    permission: 'contact.edit',
    params: PatientParams,
    body: ContactInput,
    success: { status: 200, description: 'The contact details as saved.', schema: Contact },
    handler: ({ viewer, params, body }) => putContact(viewer, params.patientId, body),
  }),
] as const;
