'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { apiFetch, apiQuery, isBackgroundFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { MedicationChangePage, Regimen } from '@/lib/schemas/medications';
import { ChangeHistory } from './change-history';
import { HISTORY_LIMIT } from './medication-text';
import { RecordChangeForm } from './record-change-form';
import { RegimenList } from './regimen-list';

/** The chart's Medications section: regimen, history and (for prescribers) the form. */
export function MedicationsPanel({
  patientId,
  initialRegimen,
  initialChanges,
  canRecord,
}: {
  patientId: string;
  initialRegimen: Regimen;
  initialChanges: MedicationChangePage;
  canRecord: boolean;
}) {
  const regimen = useQuery({
    queryKey: queryKeys.patients.regimen(patientId),
    queryFn: apiQuery<Regimen>(`/api/v1/patients/${patientId}/medications`),
    initialData: initialRegimen,
  });
  const changes = useInfiniteQuery({
    queryKey: queryKeys.patients.medicationChanges(patientId),
    queryFn: (context) =>
      apiFetch<MedicationChangePage>(
        `/api/v1/patients/${patientId}/medication-changes?limit=${HISTORY_LIMIT}${
          context.pageParam ? `&cursor=${encodeURIComponent(context.pageParam)}` : ''
        }`,
        { background: isBackgroundFetch(context) },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: { pages: [initialChanges], pageParams: [null] },
  });
  const newest = changes.data.pages[0]?.items ?? [];
  const history = changes.data.pages.flatMap((page) => page.items);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="space-y-6">
        <Card title="Current regimen" titleId="regimen-heading">
          <RegimenList items={regimen.data.items} />
        </Card>
        {canRecord ? (
          <Card
            title="Record a change"
            titleId="record-change-heading"
            description="The therapist and the patient see it as soon as it is recorded."
          >
            <RecordChangeForm
              patientId={patientId}
              regimen={regimen.data.items}
              recentChanges={newest}
            />
          </Card>
        ) : null}
      </div>
      <Card title="Change history" titleId="history-heading" description="Newest first.">
        <ChangeHistory changes={history} />
        {changes.hasNextPage ? (
          <div className="mt-4">
            <Button
              type="button"
              variant="secondary"
              onClick={() => void changes.fetchNextPage()}
              disabled={changes.isFetchingNextPage}
            >
              {changes.isFetchingNextPage ? 'Loading older changes…' : 'Show older changes'}
            </Button>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
