// The one write of a patient's contact details, inside the caller's transaction. The API
// (putContact in ./index.ts) wraps it with the access check and the audit; the demo seed and the
// test factories call it as it is. No 'server-only' and no db import: the seed runs under plain Node.
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { ScopedPatient } from '@/lib/data/scope';
import type { Contact, ContactDetails } from '@/lib/schemas/contact';

export const contactSelect = {
  phone: true,
  preferredContact: true,
  emergencyName: true,
  emergencyRelationship: true,
  emergencyPhone: true,
  updatedAt: true,
  updatedBy: { select: { id: true, name: true, role: true } },
} satisfies Prisma.PatientContactSelect;

type ContactRow = Prisma.PatientContactGetPayload<{ select: typeof contactSelect }>;

/** Before anyone wrote them: every field null. */
export const NO_CONTACT: Contact = {
  phone: null,
  preferredContact: null,
  emergencyName: null,
  emergencyRelationship: null,
  emergencyPhone: null,
  updatedAt: null,
  updatedBy: null,
};

export function toContact(row: ContactRow | null): Contact {
  if (!row) return NO_CONTACT;
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}

/**
 * Writes the whole set of contact details (parsed: ContactInput's output) of `patient`, as
 * changed by `by`. `at` (default: now) is given by the seed.
 */
export async function saveContactTx(
  tx: Tx,
  patient: ScopedPatient,
  by: { id: string },
  details: ContactDetails,
  at?: Date,
): Promise<Contact> {
  const data = { ...details, updatedById: by.id, ...(at ? { updatedAt: at } : {}) };
  const row = await tx.patientContact.upsert({
    where: { patientId: patient.id, organizationId: patient.organizationId },
    create: { patientId: patient.id, organizationId: patient.organizationId, ...data },
    update: data,
    select: contactSelect,
  });
  return toContact(row);
}
