import type { Metadata } from 'next';
import Link from 'next/link';
import { CareTeamList } from '@/components/admin/care-team-list';
import { UserList } from '@/components/admin/user-list';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination, parsePageParam } from '@/components/ui/pagination';
import { requireRole } from '@/lib/auth/session';
import { getOrganizationOverview } from '@/lib/data/organization';

export const metadata: Metadata = { title: 'Users and care teams' };

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireRole('ADMIN');
  const params = await searchParams;
  const overview = await getOrganizationOverview(viewer, {
    usersPage: parsePageParam(params.users),
    careTeamsPage: parsePageParam(params.teams),
  });
  const { users, careTeams } = overview;
  const hrefFor = (usersPage: number, teamsPage: number) =>
    `/admin?users=${usersPage}&teams=${teamsPage}`;

  return (
    <>
      <PageHeader title="Users and care teams">
        <p>
          Accounts and care-team assignments for {overview.organization.name}. Clinical records are
          not shown here.
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <Link href="/admin/accounts/new" className={buttonClass('primary')}>
            Create an account
          </Link>
          <Link href="/admin/audit" className={buttonClass('secondary')}>
            Audit log
          </Link>
        </div>
      </PageHeader>
      <div className="space-y-6">
        <DisabledCliniciansNotice count={overview.teamsWithDisabledClinicians} />
        <Card title="Users" titleId="users-heading" description={`${users.total} accounts`}>
          {users.items.length === 0 ? (
            <EmptyState title="No accounts yet" />
          ) : (
            <>
              <UserList users={users.items} currentUserId={viewer.userId} />
              <Pagination
                label="User pages"
                page={users.page}
                pageSize={users.pageSize}
                total={users.total}
                hrefFor={(p) => hrefFor(p, careTeams.page)}
              />
            </>
          )}
        </Card>
        <Card
          title="Care teams"
          titleId="care-teams-heading"
          description={`${careTeams.total} patients and the clinicians on their active care teams. Open a team to add or remove a clinician.`}
        >
          {careTeams.items.length === 0 ? (
            <EmptyState title="No patients yet">
              <p>Patients and their care teams appear here once their accounts are created.</p>
            </EmptyState>
          ) : (
            <>
              <CareTeamList teams={careTeams.items} />
              <Pagination
                label="Care team pages"
                page={careTeams.page}
                pageSize={careTeams.pageSize}
                total={careTeams.total}
                hrefFor={(p) => hrefFor(users.page, p)}
              />
            </>
          )}
        </Card>
      </div>
    </>
  );
}

/** Care teams that still list a clinician whose account was disabled. */
function DisabledCliniciansNotice({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      {count === 1 ? '1 patient has' : `${count} patients have`} a clinician with a disabled account
      on their care team. Assign another clinician in their place (marked under Care teams below).
    </p>
  );
}
