'use client';

import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { apiQuery, problemMessage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { PlanVersionList } from '@/lib/schemas/treatment-plan';

type Summary = PlanVersionList['items'][number];

// Two versions side by side (with the diff view) load when a clinician asks for them, not with
// the page: the plan page was 0.7 kB over issue 15's first-load budget with them.
const PlanComparison = dynamic(
  () => import('@/components/treatment-plan/plan-comparison').then((m) => m.PlanComparison),
  { loading: () => <p className="text-slate-600">Loading the comparison…</p> },
);

/** Every version of the plan (the newest 100), and any two side by side with their differences. */
export function PlanHistory({
  patientId,
  currentVersion,
}: {
  patientId: string;
  currentVersion: number;
}) {
  const versions = useQuery({
    queryKey: queryKeys.treatmentPlan.versions(patientId),
    queryFn: apiQuery<PlanVersionList>(
      `/api/v1/patients/${patientId}/treatment-plan/versions?limit=100`,
    ),
  });
  const [compared, setCompared] = useState<[number, number] | null>(null);

  if (versions.isPending) return <p className="text-slate-600">Loading the versions…</p>;
  if (versions.isError) {
    return (
      <p role="alert" className="text-red-800">
        {problemMessage(versions.error)}
      </p>
    );
  }
  const items = versions.data.items;

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
        <ComparePicker items={items} currentVersion={currentVersion} onCompare={setCompared} />
      ) : null}
      {compared ? <PlanComparison patientId={patientId} a={compared[0]} b={compared[1]} /> : null}
    </div>
  );
}

function VersionSelect({
  id,
  label,
  items,
  value,
  onChange,
}: {
  id: string;
  label: string;
  items: Summary[];
  value: number;
  onChange: (version: number) => void;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <select
        id={id}
        className={inputClass}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {items.map((v) => (
          <option key={v.version} value={v.version}>
            Version {v.version}
          </option>
        ))}
      </select>
    </div>
  );
}

function ComparePicker({
  items,
  currentVersion,
  onCompare,
}: {
  items: Summary[];
  currentVersion: number;
  onCompare: (pair: [number, number]) => void;
}) {
  const id = useId();
  const [from, setFrom] = useState(Math.max(1, currentVersion - 1));
  const [to, setTo] = useState(currentVersion);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        onCompare([from, to]);
      }}
    >
      <VersionSelect
        id={`${id}-from`}
        label="Compare version"
        items={items}
        value={from}
        onChange={setFrom}
      />
      <VersionSelect
        id={`${id}-to`}
        label="with version"
        items={items}
        value={to}
        onChange={setTo}
      />
      <Button type="submit" variant="secondary">
        Compare
      </Button>
    </form>
  );
}
