import 'server-only';
import { db } from '@/lib/db';
import { authorize, recordListAccess } from '@/lib/data/audit';
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

/**
 * Admins: their organization's accounts and who is on each patient's care team, a page of each
 * at a time. No clinical content (minimum necessary). Audited as a read of care-team assignments.
 */
export async function getOrganizationOverview(
  viewer: Viewer,
  options: { usersPage?: number; careTeamsPage?: number } = {},
): Promise<OrganizationOverview> {
  await authorize(viewer, 'organization.read', { action: 'read', resourceType: 'careTeam' });

  return db.$transaction(async (tx) => {
    // SECURITY: tenant isolation: every query below is pinned to the admin's organization.
    const organizationId = viewer.organizationId;
    const organization = await tx.organization.findFirst({
      where: { id: organizationId },
      select: { id: true, name: true },
    });
    if (!organization) throw new NotFoundError('organization');

    const usersTotal = await tx.user.count({ where: { organizationId } });
    const usersPage = pageWithin(options.usersPage, usersTotal);
    const users = await tx.user.findMany({
      where: { organizationId },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (usersPage - 1) * ORGANIZATION_PAGE_SIZE,
      take: ORGANIZATION_PAGE_SIZE,
      select: { id: true, name: true, email: true, role: true, disabledAt: true },
    });

    // SECURITY: minimum necessary: names and memberships only, never dates of birth or any
    // clinical field.
    const inScope = patientsInScope(viewer);
    const careTeamsTotal = await tx.patient.count({ where: inScope });
    const careTeamsPage = pageWithin(options.careTeamsPage, careTeamsTotal);
    const patients = await tx.patient.findMany({
      where: inScope,
      orderBy: [{ account: { name: 'asc' } }, { id: 'asc' }],
      skip: (careTeamsPage - 1) * ORGANIZATION_PAGE_SIZE,
      take: ORGANIZATION_PAGE_SIZE,
      select: {
        id: true,
        account: { select: { name: true } },
        careTeam: {
          where: { endedAt: null, organizationId },
          orderBy: { startedAt: 'asc' },
          take: 50,
          select: {
            clinician: { select: { id: true, name: true, role: true, disabledAt: true } },
          },
        },
      },
    });
    const teamsWithDisabledClinicians = await tx.patient.count({
      where: {
        AND: [
          inScope,
          {
            careTeam: {
              some: { endedAt: null, organizationId, clinician: { disabledAt: { not: null } } },
            },
          },
        ],
      },
    });

    await recordListAccess(
      tx,
      viewer,
      'read',
      'careTeam',
      patients.map((p) => p.id),
      `organization overview: care teams page ${careTeamsPage}`,
    );

    return {
      organization,
      users: {
        total: usersTotal,
        page: usersPage,
        pageSize: ORGANIZATION_PAGE_SIZE,
        items: users.map((u) => ({
          id: u.id,
          name: u.name,
          email: u.email,
          role: u.role,
          isActive: u.disabledAt === null,
        })),
      },
      careTeams: {
        total: careTeamsTotal,
        page: careTeamsPage,
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
      },
      teamsWithDisabledClinicians,
    };
  });
}
