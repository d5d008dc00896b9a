// The organization, its accounts, patients and care teams.
import type { Layout } from './layout';
import {
  ORG_ID,
  ORG_SLUG,
  at,
  clinicianColumns,
  clinicianId,
  nameSql,
  patientEmailSql,
  patientId,
  patientUser,
  prescriberOf,
  prescriberUser,
  therapistOf,
  therapistUser,
} from './sql-common';

/** $1 is the one password hash every account shares. */
export function peopleSql(layout: Layout): string[] {
  const created = at(layout, '-400');
  const clinician = clinicianColumns(layout, 'c');
  return [
    `INSERT INTO "Organization" (id, name, slug, "createdAt")
     VALUES (${ORG_ID}, 'Scale Clinic', '${ORG_SLUG}', ${created})`,
    `INSERT INTO "User" (id, "organizationId", email, name, role, "passwordHash", "createdAt", "updatedAt")
     SELECT ${clinicianId('c')}, ${ORG_ID}, ${clinician.email}, ${nameSql('c * 7 + 3')} || ' ' || c,
            ${clinician.role}::"Role", $1, ${created}, ${created}
       FROM generate_series(0, ${layout.clinicians - 1}) c`,
    `INSERT INTO "User" (id, "organizationId", email, name, role, "passwordHash", "createdAt", "updatedAt")
     SELECT ${patientUser('i')}, ${ORG_ID}, ${patientEmailSql('i')}, ${nameSql('i')} || ' ' || i,
            'PATIENT', $1, ${created}, ${created}
       FROM generate_series(0, ${layout.patients - 1}) i`,
  ];
}

export function patientsSql(layout: Layout): string[] {
  const last = layout.patients - 1;
  const started = at(layout, '-365');
  const member = (clinician: string, start: string, end: string) =>
    `SELECT ${ORG_ID}, ${patientId('i')}, ${clinician}, ${start}, ${end}
       FROM generate_series(0, ${last}) i`;
  const formerTherapist = therapistUser(layout, `(${therapistOf(layout, 'i')} + 1) % ${layout.therapists}`);
  return [
    `INSERT INTO "Patient" (id, "organizationId", "userId", "dateOfBirth", pronouns, "createdAt")
     SELECT ${patientId('i')}, ${ORG_ID}, ${patientUser('i')},
            date '1950-01-01' + (i * 137) % 18000,
            (ARRAY['she/her', 'he/him', 'they/them', NULL])[1 + i % 4], ${at(layout, '-400')}
       FROM generate_series(0, ${last}) i`,
    // Everyone has an active prescriber and therapist; one in ten had another therapist before.
    `INSERT INTO "CareTeamMembership" ("organizationId", "patientId", "clinicianId", "startedAt", "endedAt")
     ${member(prescriberUser(layout, prescriberOf(layout, 'i')), started, 'NULL::timestamptz')}
     UNION ALL ${member(therapistUser(layout, therapistOf(layout, 'i')), started, 'NULL::timestamptz')}
     UNION ALL ${member(formerTherapist, at(layout, '-400'), started)} WHERE i % 10 = 0 AND ${layout.therapists} > 1`,
  ];
}
