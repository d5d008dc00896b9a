import type { Metadata } from 'next';
import { CaseloadList } from '@/components/caseload/caseload-list';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination, parsePageParam } from '@/components/ui/pagination';
import { requireRole } from '@/lib/auth/session';
import { listCaseload } from '@/lib/data/caseload';
import { plural } from '@/lib/format';

export const metadata: Metadata = { title: 'Caseload' };

export default async function CaseloadPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireRole('PRESCRIBER', 'THERAPIST');
  const { page } = await searchParams;
  const caseload = await listCaseload(viewer, { page: parsePageParam(page) });
  const now = new Date();

  return (
    <>
      <PageHeader title="Caseload">
        <p>
          {caseload.total === 0
            ? 'Patients on your active care teams appear here.'
            : `${plural(caseload.total, 'patient')} on your active care teams.`}
        </p>
      </PageHeader>
      <Card
        title="Your patients"
        titleId="caseload-heading"
        description="Last check-in and latest PHQ-9 for each patient. Open a name for the full chart."
      >
        {caseload.patients.length === 0 ? (
          <EmptyState title="No patients on your caseload yet">
            <p>
              When an administrator adds you to a patient’s care team, the patient appears here.
            </p>
          </EmptyState>
        ) : (
          <>
            <CaseloadList patients={caseload.patients} now={now} />
            <Pagination
              label="Caseload pages"
              page={caseload.page}
              pageSize={caseload.pageSize}
              total={caseload.total}
              hrefFor={(p) => `/caseload?page=${p}`}
            />
          </>
        )}
      </Card>
    </>
  );
}
