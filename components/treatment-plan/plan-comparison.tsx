'use client';

import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { PlanDiffView } from '@/components/treatment-plan/plan-diff-view';
import { PlanReadView } from '@/components/treatment-plan/plan-read-view';
import { apiQuery, problemMessage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { PlanDiff } from '@/lib/schemas/plan-diff';
import type { PlanVersion } from '@/lib/schemas/treatment-plan';

/** Two versions of the plan side by side, with what changed from the first to the second. */
export function PlanComparison({ patientId, a, b }: { patientId: string; a: number; b: number }) {
  const id = useId();
  const base = `/api/v1/patients/${patientId}/treatment-plan` as const;
  const left = useQuery({
    queryKey: queryKeys.treatmentPlan.version(patientId, a),
    queryFn: apiQuery<PlanVersion>(`${base}/versions/${a}`),
  });
  const right = useQuery({
    queryKey: queryKeys.treatmentPlan.version(patientId, b),
    queryFn: apiQuery<PlanVersion>(`${base}/versions/${b}`),
  });
  const diff = useQuery({
    queryKey: queryKeys.treatmentPlan.diff(patientId, a, b),
    queryFn: apiQuery<PlanDiff>(`${base}/diff?from=${a}&to=${b}`),
  });
  const error = left.error ?? right.error ?? diff.error;

  return (
    <section aria-labelledby={`${id}-comparison`} aria-busy={diff.isPending} className="space-y-4">
      <h3 id={`${id}-comparison`} className="font-semibold text-slate-900">
        Version {a} compared with version {b}
      </h3>
      {error ? (
        <p role="alert" className="text-red-800">
          {problemMessage(error)}
        </p>
      ) : null}
      {diff.data ? <PlanDiffView diff={diff.data} /> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        {[left.data, right.data].map((version, i) =>
          version ? (
            <section
              key={i}
              aria-labelledby={`${id}-side-${i}`}
              className="rounded-lg border border-slate-200 p-4"
            >
              <h4 id={`${id}-side-${i}`} className="mb-3 font-semibold text-slate-900">
                Version {version.version} · {version.author.name}
              </h4>
              <PlanReadView plan={version} headingLevel={5} />
            </section>
          ) : (
            <p key={i} className="text-slate-600">
              Loading…
            </p>
          ),
        )}
      </div>
    </section>
  );
}
