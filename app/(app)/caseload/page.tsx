import type { Metadata } from 'next';
import { CaseloadControls } from '@/components/caseload/caseload-controls';
import { CaseloadList } from '@/components/caseload/caseload-list';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination, parsePageParam } from '@/components/ui/pagination';
import { requireRole } from '@/lib/auth/session';
import { FLAG_KINDS, type FlagKind } from '@/lib/clinical/flags';
import { CASELOAD_SORTS, listCaseload, type CaseloadSort } from '@/lib/data/caseload';
import { plural } from '@/lib/format';

export const metadata: Metadata = { title: 'Caseload' };

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export default async function CaseloadPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireRole('PRESCRIBER', 'THERAPIST');
  const params = await searchParams;
  const sortParam = one(params.sort);
  const flagParam = one(params.flag);
  const sort = CASELOAD_SORTS.find((s) => s === sortParam) as CaseloadSort | undefined;
  const flag = FLAG_KINDS.find((k) => k === flagParam) as FlagKind | undefined;
  const flaggedOnly = one(params.flagged) === '1';
  const caseload = await listCaseload(viewer, {
    page: parsePageParam(params.page),
    sort,
    flag,
    flaggedOnly,
  });
  const filtered = Boolean(flag || flaggedOnly);
  const hrefFor = (p: number) => {
    const search = new URLSearchParams();
    if (sort && sort !== 'name') search.set('sort', sort);
    if (flag) search.set('flag', flag);
    if (flaggedOnly) search.set('flagged', '1');
    search.set('page', String(p));
    return `/caseload?${search.toString()}`;
  };
  const now = new Date();

  return (
    <>
      <PageHeader title="Caseload">
        <p>
          {caseload.total === 0
            ? 'Patients on your active care teams appear here.'
            : `${plural(caseload.total, 'patient')} ${filtered ? 'match the filter' : 'on your active care teams'}.`}
        </p>
      </PageHeader>
      <Card
        title="Your patients"
        titleId="caseload-heading"
        description="Flags, last check-in and latest PHQ-9 for each patient. Open a name for the full chart."
      >
        <CaseloadControls
          sort={caseload.sort}
          flag={caseload.flag}
          flaggedOnly={caseload.flaggedOnly}
        />
        {caseload.patients.length === 0 && filtered ? (
          <EmptyState title="No patients match this filter">
            <p>Choose another flag, or clear “Flagged patients only”.</p>
          </EmptyState>
        ) : caseload.patients.length === 0 ? (
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
              hrefFor={hrefFor}
            />
          </>
        )}
      </Card>
    </>
  );
}
