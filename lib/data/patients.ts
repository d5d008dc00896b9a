import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import { patientsInScope } from '@/lib/auth/policy';
import { clinicianRole, type Viewer } from '@/lib/auth/viewer';
import { authorize, recordAccess } from '@/lib/data/audit';
import { withPatientAccess } from '@/lib/data/patient-access';
import { NotFoundError, invalidCursor, parseInput } from '@/lib/errors';
import { toIsoDate } from '@/lib/format';

import {
  PatientListQuery,
  type CareTeamMember,
  type PatientList,
  type PatientProfile,
} from '@/lib/schemas/patients';

export type {
  CareTeamMember,
  PatientList,
  PatientProfile,
  PatientSummary,
} from '@/lib/schemas/patients';

/** The select that yields a CareTeamMember (see toCareTeamMember). */
export const careTeamMemberSelect = {
  id: true,
  clinicianId: true,
  startedAt: true,
  endedAt: true,
  clinician: { select: { name: true, role: true, disabledAt: true } },
} as const satisfies Prisma.CareTeamMembershipSelect;

type MembershipRow = Prisma.CareTeamMembershipGetPayload<{ select: typeof careTeamMemberSelect }>;

/** Maps a membership row (selected with careTeamMemberSelect) to its DTO. For lib/data only. */
export function toCareTeamMember(row: MembershipRow): CareTeamMember {
  return {
    membershipId: row.id,
    clinicianId: row.clinicianId,
    name: row.clinician.name,
    // Memberships are only ever created for prescribers and therapists (lib/data/admin.ts).
    role: clinicianRole(row.clinician.role),
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    isActive: row.clinician.disabledAt === null,
  };
}

/**
 * Any signed-in viewer: the patients in their scope (a patient: only themself; a clinician: their
 * active care teams; an admin: the organization), by name then id, a page at a time, with an
 * optional name search. One 'list' audit event per call. Invalid input throws InvalidInputError (400).
 */
export async function listPatients(
  viewer: Viewer,
  query: z.input<typeof PatientListQuery> = {},
): Promise<PatientList> {
  const { q, cursor, limit } = parseInput(PatientListQuery, query);
  await authorize(viewer, 'patient.list', { action: 'list', resourceType: 'patient' });

  return db.$transaction(async (tx) => {
    // SECURITY: scope in the query (PRODUCT.md access rules), including the cursor lookup.
    const inScope = patientsInScope(viewer);
    const filters: Prisma.PatientWhereInput[] = [inScope];
    if (q) filters.push({ account: { name: { contains: q, mode: 'insensitive' } } });
    if (cursor) {
      const after = await tx.patient.findFirst({
        where: { AND: [inScope, { id: cursor }] },
        select: { id: true, account: { select: { name: true } } },
      });
      if (!after) throw invalidCursor();
      filters.push({
        OR: [
          { account: { name: { gt: after.account.name } } },
          { account: { name: after.account.name }, id: { gt: after.id } },
        ],
      });
    }
    const rows = await tx.patient.findMany({
      where: { AND: filters },
      orderBy: [{ account: { name: 'asc' } }, { id: 'asc' }],
      take: limit + 1,
      select: { id: true, dateOfBirth: true, pronouns: true, account: { select: { name: true } } },
    });
    const page = rows.slice(0, limit);

    await recordAccess(tx, viewer, 'list', 'patient', {
      detail: `${page.length} patients${q ? ', name search' : ''}${cursor ? ', later page' : ''}`,
    });

    return {
      items: page.map((p) => ({
        id: p.id,
        name: p.account.name,
        dateOfBirth: toIsoDate(p.dateOfBirth),
        pronouns: p.pronouns,
      })),
      nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}

/**
 * The patient themself, clinicians on their active care team and the organization's admins: the
 * profile (name, date of birth, pronouns) and the active care team (a clinician whose account is
 * disabled is listed with `isActive: false`: no longer active), no clinical content.
 * NotFoundError out of scope; audited as a read of the patient.
 */
export async function getPatient(viewer: Viewer, patientId: string): Promise<PatientProfile> {
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'patient.read', action: 'read', resourceType: 'patient', resourceId: patientId },
    async (tx, patient) => {
      const row = await tx.patient.findFirst({
        where: { id: patient.id, organizationId: patient.organizationId },
        select: {
          id: true,
          dateOfBirth: true,
          pronouns: true,
          account: { select: { name: true } },
          careTeam: {
            // SECURITY: an active membership of a clinician of the same organization.
            where: {
              endedAt: null,
              organizationId: patient.organizationId,
              clinician: { role: { in: ['PRESCRIBER', 'THERAPIST'] } },
            },
            orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
            take: 100,
            select: careTeamMemberSelect,
          },
        },
      });
      if (!row) throw new NotFoundError('patient');
      return {
        id: row.id,
        name: row.account.name,
        dateOfBirth: toIsoDate(row.dateOfBirth),
        pronouns: row.pronouns,
        careTeam: row.careTeam.map(toCareTeamMember),
      };
    },
  );
}
