import { z } from 'zod';
import { CLINICIAN_ROLES } from '@/lib/schemas/enums';
import { Id, IsoDate, IsoDateTime, Page, SearchText, pagingFields } from '@/lib/schemas/common';

/** GET /api/v1/patients query: `q` searches names (case-insensitive, contains). */
export const PatientListQuery = z.strictObject({
  q: SearchText.optional(),
  ...pagingFields,
});
export type PatientListQuery = z.infer<typeof PatientListQuery>;

/** Path parameters of the per-patient routes. */
export const PatientParams = z.strictObject({ patientId: Id });

/** A patient as listed: who they are, no clinical content. */
export const PatientSummary = z.object({
  id: Id,
  name: z.string(),
  dateOfBirth: IsoDate,
  pronouns: z.string().nullable(),
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const PatientList = Page(PatientSummary);
export type PatientList = z.infer<typeof PatientList>;

/** One clinician on a patient's care team (a membership: active while endedAt is null). */
export const CareTeamMember = z.object({
  membershipId: Id,
  clinicianId: Id,
  name: z.string(),
  role: z.enum(CLINICIAN_ROLES),
  startedAt: IsoDateTime,
  endedAt: IsoDateTime.nullable(),
  /** False when the clinician's account is disabled: no longer active on this team. */
  isActive: z.boolean(),
});
export type CareTeamMember = z.infer<typeof CareTeamMember>;

/** GET /api/v1/patients/{patientId}: the profile and the active care team. */
export const PatientProfile = PatientSummary.extend({ careTeam: z.array(CareTeamMember) });
export type PatientProfile = z.infer<typeof PatientProfile>;
