import 'server-only';
import type { Tx } from '@/lib/db';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { patientsInScope } from '@/lib/auth/policy';
import type { Role, Viewer } from '@/lib/auth/viewer';
import { NotFoundError } from '@/lib/errors';

/** Users and care teams are paged separately, this many at a time. */
export const ORGANIZATION_PAGE_SIZE = 50;

export type OrganizationUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  isActive: boolean;
};

export type CareTeamSummary = {
  patientId: string;
  patientName: string;
  /** `isActive` false: the clinician's account is disabled and should be replaced on the team. */
  clinicians: { id: string; name: string; role: Role; isActive: boolean }[];
};

export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

export type OrganizationOverview = {
  organization: { id: string; name: string };
  users: Paged<OrganizationUser>;
  careTeams: Paged<CareTeamSummary>;
  /** Patients (across all pages) whose active care team includes a disabled clinician. */
  teamsWithDisabledClinicians: number;
};

function pageWithin(requested: number | undefined, total: number): number {
  const lastPage = Math.max(1, Math.ceil(total / ORGANIZATION_PAGE_SIZE));
  return Math.min(Math.max(1, Math.trunc(requested ?? 1)), lastPage);
}

const clinicianSelect = {
  select: { id: true, name: true, role: true, disabledAt: true },
} as const;

/** One page of the organization's accounts, by name then id. */
async function usersPage(
  tx: Tx,
  organizationId: string,
  requested: number | undefined,
): Promise<Paged<OrganizationUser>> {
  const total = await tx.user.count({ where: { organizationId } });
  const page = pageWithin(requested, total);
  const users = await tx.user.findMany({
    where: { organizationId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * ORGANIZATION_PAGE_SIZE,
    take: ORGANIZATION_PAGE_SIZE,
    select: { id: true, name: true, email: true, role: true, disabledAt: true },
  });
  return {
    total,
    page,
    pageSize: ORGANIZATION_PAGE_SIZE,
    items: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      isActive: u.disabledAt === null,
    })),
  };
}

/**
 * One page of the patients in scope with their active care teams. SECURITY: minimum necessary:
 * names and memberships only, never dates of birth or any clinical field.
 */
async function careTeamsPage(
  tx: Tx,
  viewer: Viewer,
  requested: number | undefined,
): Promise<Paged<CareTeamSummary>> {
  const inScope = patientsInScope(viewer);
  const total = await tx.patient.count({ where: inScope });
  const page = pageWithin(requested, total);
  const patients = await tx.patient.findMany({
    where: inScope,
    orderBy: [{ account: { name: 'asc' } }, { id: 'asc' }],
    skip: (page - 1) * ORGANIZATION_PAGE_SIZE,
    take: ORGANIZATION_PAGE_SIZE,
    select: {
      id: true,
      account: { select: { name: true } },
      careTeam: {
        where: { endedAt: null, organizationId: viewer.organizationId },
        orderBy: { startedAt: 'asc' },
        take: 50,
        select: { clinician: clinicianSelect },
      },
    },
  });
  return {
    total,
    page,
    pageSize: ORGANIZATION_PAGE_SIZE,
    items: patients.map((p) => ({
      patientId: p.id,
      patientName: p.account.name,
      clinicians: p.careTeam.map(({ clinician }) => ({
        id: clinician.id,
        name: clinician.name,
        role: clinician.role,
        isActive: clinician.disabledAt === null,
      })),
    })),
  };
}

/**
 * Admins: their organization's accounts and who is on each patient's care team, a page of each
 * at a time. No clinical content (minimum necessary). Audited as a read of care-team assignments,
 * one event naming the patients shown.
 */
export async function getOrganizationOverview(
  viewer: Viewer,
  options: { usersPage?: number; careTeamsPage?: number } = {},
): Promise<OrganizationOverview> {
  const access = {
    permission: 'organization.read',
    action: 'read',
    resourceType: 'careTeam',
  } as const;
  return withOrganizationAccess(viewer, access, async (tx, record) => {
    // SECURITY: tenant isolation: every query below is pinned to the admin's organization.
    const organizationId = viewer.organizationId;
    const organization = await tx.organization.findFirst({
      where: { id: organizationId },
      select: { id: true, name: true },
    });
    if (!organization) throw new NotFoundError('organization');
    const users = await usersPage(tx, organizationId, options.usersPage);
    const careTeams = await careTeamsPage(tx, viewer, options.careTeamsPage);
    const teamsWithDisabledClinicians = await tx.patient.count({
      where: {
        AND: [
          patientsInScope(viewer),
          {
            careTeam: {
              some: { endedAt: null, organizationId, clinician: { disabledAt: { not: null } } },
            },
          },
        ],
      },
    });
    record.patientIds = careTeams.items.map((team) => team.patientId);
    record.detail = `organization overview: care teams page ${careTeams.page}`;
    return { organization, users, careTeams, teamsWithDisabledClinicians };
  });
}
