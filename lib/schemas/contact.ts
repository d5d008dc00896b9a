// A patient's contact details: their phone, how they prefer to be reached and an emergency
// contact. Shared by the forms (My care, the chart, the admin's patient page), the handlers and
// the OpenAPI document; `Phone` is the safety plan's too.
import { z } from 'zod';
import { CONTACT_METHODS, ROLES } from '@/lib/schemas/enums';
import { IsoDateTime, Person, SentBack, readOnly, singleLine } from '@/lib/schemas/common';

export { CONTACT_METHODS, type ContactMethod } from '@/lib/schemas/enums';
import { telHref, CONTACT_METHOD_LABELS } from '@/lib/schemas/contact-values';
export { telHref, CONTACT_METHOD_LABELS };

const PHONE_CHARACTERS = /^[0-9 +\-()]+$/;

/**
 * A phone number as people write it: digits, spaces, `+`, `-` and parentheses, 7 to 20
 * characters with at least 7 digits (lenient on format, strict on what can be dialled).
 */
export const Phone = z
  .string()
  .trim()
  .min(7, { message: 'Enter a phone number of at least 7 digits.' })
  .max(20, { message: 'A phone number has at most 20 characters.' })
  .regex(PHONE_CHARACTERS, { message: 'Use digits, spaces, +, - and parentheses only.' })
  .refine((s) => s.replace(/[^0-9]/g, '').length >= 7, {
    message: 'Enter a phone number of at least 7 digits.',
  });

/** A value that may be left out, sent as null, or cleared. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const contactFields = {
  phone: optional(Phone),
  preferredContact: optional(z.enum(CONTACT_METHODS)),
  emergencyName: optional(singleLine(200)),
  emergencyRelationship: optional(singleLine(100)),
  emergencyPhone: optional(Phone),
};

type ContactFields = { [K in keyof typeof contactFields]?: z.output<(typeof contactFields)[K]> };

/** An emergency contact is a name and a phone together; a call or a text needs a phone. */
function checkContact(contact: ContactFields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  if (contact.emergencyName && !contact.emergencyPhone) {
    issue('emergencyPhone', 'Add a phone number for your emergency contact.');
  }
  if (contact.emergencyPhone && !contact.emergencyName) {
    issue('emergencyName', 'Add the name of your emergency contact.');
  }
  if (contact.emergencyRelationship && !contact.emergencyName) {
    issue('emergencyName', 'Add the name of your emergency contact.');
  }
  if (
    (contact.preferredContact === 'PHONE' || contact.preferredContact === 'TEXT') &&
    !contact.phone
  ) {
    issue('phone', 'Add a phone number to be reached by phone or text.');
  }
}

/**
 * PUT /api/v1/patients/{patientId}/contact: the whole set of contact details (a field left out or
 * null is cleared). What GET answered may be sent back: `updatedAt` and `updatedBy` are ignored.
 */
export const ContactInput = z
  .strictObject({ ...contactFields, updatedAt: SentBack, updatedBy: SentBack })
  .superRefine(checkContact)
  .transform(({ updatedAt: _a, updatedBy: _b, ...contact }) => ({
    phone: contact.phone ?? null,
    preferredContact: contact.preferredContact ?? null,
    emergencyName: contact.emergencyName ?? null,
    emergencyRelationship: contact.emergencyRelationship ?? null,
    emergencyPhone: contact.emergencyPhone ?? null,
  }));
export type ContactInput = z.input<typeof ContactInput>;
export type ContactDetails = z.output<typeof ContactInput>;

/** GET .../contact: every field null until someone writes them; who last changed them, and when. */
export const Contact = z.object({
  phone: z.string().nullable(),
  preferredContact: z.enum(CONTACT_METHODS).nullable(),
  emergencyName: z.string().nullable(),
  emergencyRelationship: z.string().nullable(),
  emergencyPhone: z.string().nullable(),
  updatedAt: readOnly(IsoDateTime.nullable()),
  updatedBy: readOnly(Person(ROLES).nullable()),
});
export type Contact = z.infer<typeof Contact>;
