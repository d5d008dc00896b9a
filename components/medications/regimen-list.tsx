import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate, formatDose } from '@/lib/format';
import type { RegimenItem } from '@/lib/schemas/medications';
import { STATUS_LABELS } from './medication-text';

const tone = { ACTIVE: 'teal', HELD: 'amber', STOPPED: 'neutral' } as const;

/** The current regimen: each medication with its status, dose, schedule and since when. */
export function RegimenList({
  items,
  showStopped = true,
}: {
  items: RegimenItem[];
  showStopped?: boolean;
}) {
  const shown = showStopped ? items : items.filter((i) => i.status !== 'STOPPED');
  if (shown.length === 0) {
    return (
      <EmptyState title="No medications recorded">
        <p>Medications appear here once a prescriber records a start.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="divide-y divide-slate-200" aria-label="Current regimen">
      {shown.map((item) => {
        const dose = formatDose(item.dose, item.unit);
        return (
          <li
            key={item.medicationKey}
            className="flex flex-wrap items-start justify-between gap-2 py-3"
          >
            <div>
              <p className="font-semibold text-slate-900">
                {item.medication}
                {dose ? <span className="font-normal text-slate-800"> {dose}</span> : null}
              </p>
              <p className="text-sm text-slate-600">
                {[item.frequency, item.route].filter(Boolean).join(' · ')}
                {item.frequency || item.route ? ' · ' : ''}
                {item.status === 'STOPPED' ? 'stopped ' : 'since '}
                <time dateTime={item.since}>{formatDate(item.since)}</time>
              </p>
            </div>
            <Badge tone={tone[item.status]}>{STATUS_LABELS[item.status]}</Badge>
          </li>
        );
      })}
    </ul>
  );
}
