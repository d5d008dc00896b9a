import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { patientsInScope } from '@/lib/auth/policy';
import { clinicianRole, type Viewer } from '@/lib/auth/viewer';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { keysetPage } from '@/lib/data/recipes';
import { withPatientAccess } from '@/lib/data/patient-access';
import { NotFoundError, parseInput } from '@/lib/errors';
import { toIsoDate } from '@/lib/format';
import { CLINICIAN_ROLES } from '@/lib/schemas/enums';

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
 * optional name search. One 'list' audit event per call, naming every patient listed. Invalid input throws InvalidInputError (400).
 */
export async function listPatients(
  viewer: Viewer,
  query: z.input<typeof PatientListQuery> = {},
): Promise<PatientList> {
  const { q, cursor, limit } = parseInput(PatientListQuery, query);
  const access = { permission: 'patient.list', action: 'list', resourceType: 'patient' } as const;
  return withOrganizationAccess(viewer, access, async (tx, record) => {
    // SECURITY: scope in the query (lib/auth/policy.ts patientsInScope), the cursor lookup included.
    const inScope = patientsInScope(viewer);
    const filters: Prisma.PatientWhereInput[] = [inScope];
    if (q) filters.push({ account: { name: { contains: q, mode: 'insensitive' } } });
    const page = await keysetPage({
      cursor,
      limit,
      findKey: async (id) => {
        const at = await tx.patient.findFirst({
          where: { AND: [inScope, { id }] },
          select: { id: true, account: { select: { name: true } } },
        });
        return at && { name: at.account.name, id: at.id };
      },
      fetch: (after, take) =>
        tx.patient.findMany({
          where: {
            AND: [
              ...filters,
              ...(after
                ? [
                    {
                      OR: [
                        { account: { name: { gt: after.name } } },
                        { account: { name: after.name }, id: { gt: after.id } },
                      ],
                    },
                  ]
                : []),
            ],
          },
          orderBy: [{ account: { name: 'asc' } }, { id: 'asc' }],
          take,
          select: {
            id: true,
            dateOfBirth: true,
            pronouns: true,
            account: { select: { name: true } },
          },
        }),
      cursorOf: (row) => row.id,
      toItem: (p) => ({
        id: p.id,
        name: p.account.name,
        dateOfBirth: toIsoDate(p.dateOfBirth),
        pronouns: p.pronouns,
      }),
    });
    // The view is attributed to each patient it listed (one event for the whole page).
    record.patientIds = page.items.map((p) => p.id);
    record.detail = `${page.items.length} patients${q ? ', name search' : ''}${cursor ? ', later page' : ''}`;
    return page;
  });
}

/** A patient's profile and active care team (SECURITY: memberships of this organization only). */
function profileSelect(organizationId: string) {
  return {
    id: true,
    dateOfBirth: true,
    pronouns: true,
    account: { select: { name: true } },
    careTeam: {
      where: { endedAt: null, organizationId, clinician: { role: { in: [...CLINICIAN_ROLES] } } },
      orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
      take: 100,
      select: careTeamMemberSelect,
    },
  } as const satisfies Prisma.PatientSelect;
}

/**
 * The patient themself, clinicians on their active care team and the organization's admins: the
 * profile (name, date of birth, pronouns) and the active care team (a clinician whose account is
 * disabled is listed with `isActive: false`: no longer active), no clinical content.
 * NotFoundError out of scope; audited as a read of the patient.
 */
export async function getPatient(viewer: Viewer, patientId: string): Promise<PatientProfile> {
  const access = {
    permission: 'patient.read',
    action: 'read',
    resourceType: 'patient',
    resourceId: patientId,
  } as const;
  return withPatientAccess(viewer, patientId, access, async (tx, patient) => {
    const row = await tx.patient.findFirst({
      where: { id: patient.id, organizationId: patient.organizationId },
      select: profileSelect(patient.organizationId),
    });
    if (!row) throw new NotFoundError('patient');
    return {
      id: row.id,
      name: row.account.name,
      dateOfBirth: toIsoDate(row.dateOfBirth),
      pronouns: row.pronouns,
      careTeam: row.careTeam.map(toCareTeamMember),
    };
  });
}
