'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { PlanDiffView } from '@/components/treatment-plan/plan-diff-view';
import { PlanReadView } from '@/components/treatment-plan/plan-read-view';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { apiFetch, isBackgroundFetch, problemMessage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { PlanDiff, PlanVersion, PlanVersionList } from '@/lib/schemas/treatment-plan';

/** Every version of the plan (the newest 100), and any two side by side with their differences. */
export function PlanHistory({
  patientId,
  currentVersion,
}: {
  patientId: string;
  currentVersion: number;
}) {
  const id = useId();
  const base = `/api/v1/patients/${patientId}/treatment-plan` as const;
  const versions = useQuery({
    queryKey: queryKeys.treatmentPlan.versions(patientId),
    queryFn: (context) =>
      apiFetch<PlanVersionList>(`${base}/versions?limit=100`, {
        background: isBackgroundFetch(context),
      }),
  });
  const [from, setFrom] = useState(Math.max(1, currentVersion - 1));
  const [to, setTo] = useState(currentVersion);
  const [compared, setCompared] = useState<[number, number] | null>(null);

  const [a, b] = compared ?? [0, 0];
  const enabled = compared !== null;
  const left = useQuery({
    queryKey: queryKeys.treatmentPlan.version(patientId, a),
    queryFn: (context) =>
      apiFetch<PlanVersion>(`${base}/versions/${a}`, { background: isBackgroundFetch(context) }),
    enabled,
  });
  const right = useQuery({
    queryKey: queryKeys.treatmentPlan.version(patientId, b),
    queryFn: (context) =>
      apiFetch<PlanVersion>(`${base}/versions/${b}`, { background: isBackgroundFetch(context) }),
    enabled,
  });
  const diff = useQuery({
    queryKey: queryKeys.treatmentPlan.diff(patientId, a, b),
    queryFn: (context) =>
      apiFetch<PlanDiff>(`${base}/diff?from=${a}&to=${b}`, {
        background: isBackgroundFetch(context),
      }),
    enabled,
  });

  if (versions.isPending) return <p className="text-slate-600">Loading the versions…</p>;
  if (versions.isError) {
    return (
      <p role="alert" className="text-red-800">
        {problemMessage(versions.error)}
      </p>
    );
  }
  const items = versions.data.items;
  const error = left.error ?? right.error ?? diff.error;

  return (
    <div className="space-y-6">
      <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200">
        {items.map((v) => (
          <li key={v.version} className="px-4 py-3">
            <p className="font-medium text-slate-900">
              Version {v.version}
              {v.version === currentVersion ? ' (current)' : ''}
            </p>
            <p className="text-sm text-slate-700">
              {v.author.name} · <LocalDateTime iso={v.createdAt} withRelative={false} />
            </p>
            {v.changeSummary ? (
              <p className="mt-1 text-sm text-slate-700">{v.changeSummary}</p>
            ) : null}
          </li>
        ))}
      </ol>

      {items.length > 1 ? (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            setCompared([from, to]);
          }}
        >
          <div className="space-y-1.5">
            <label htmlFor={`${id}-from`} className="block text-sm font-medium text-slate-900">
              Compare version
            </label>
            <select
              id={`${id}-from`}
              className={inputClass}
              value={from}
              onChange={(event) => setFrom(Number(event.target.value))}
            >
              {items.map((v) => (
                <option key={v.version} value={v.version}>
                  Version {v.version}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor={`${id}-to`} className="block text-sm font-medium text-slate-900">
              with version
            </label>
            <select
              id={`${id}-to`}
              className={inputClass}
              value={to}
              onChange={(event) => setTo(Number(event.target.value))}
            >
              {items.map((v) => (
                <option key={v.version} value={v.version}>
                  Version {v.version}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            Compare
          </Button>
        </form>
      ) : null}

      {compared ? (
        <section
          aria-labelledby={`${id}-comparison`}
          aria-busy={diff.isPending}
          className="space-y-4"
        >
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
      ) : null}
    </div>
  );
}
