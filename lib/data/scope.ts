// A patient's scope as rows carry it. No 'server-only' and no database client: the demo seed
// (plain Node, prisma/seed.ts) reaches this through the transaction-level domain writes.

/** A patient the viewer may reach: the record's id and its organization. */
export type ScopedPatient = { id: string; organizationId: string };

/** The where-clause (or create data) that binds a row to the patient in its organization. */
export function patientScope(patient: ScopedPatient): {
  patientId: string;
  organizationId: string;
} {
  return { patientId: patient.id, organizationId: patient.organizationId };
}
