import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import type { MyCareMedication } from '@/lib/data/my-care';
import { formatDate, formatDose } from '@/lib/format';

/** The patient's current medications: what, how much, how often, since when, and why. */
export function MedicationList({ medications }: { medications: MyCareMedication[] }) {
  if (medications.length === 0) {
    return (
      <EmptyState title="You have no current medications in Triad">
        <p>If your prescriber starts a medication, it will show up here with the reason for it.</p>
      </EmptyState>
    );
  }

  return (
    <ul className="space-y-3">
      {medications.map((med) => {
        const dose = formatDose(med.dose, med.unit);
        const howMuch = [dose, med.frequency].filter(Boolean).join(', ');
        return (
          <li key={med.id} className="rounded-lg border border-slate-200 p-4">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="font-semibold text-slate-900">{med.medication}</h3>
              <Badge tone={med.status === 'HELD' ? 'amber' : 'teal'}>
                {med.status === 'HELD' ? 'On hold' : 'Taking'}
              </Badge>
            </div>
            {howMuch ? <p className="mt-1 text-slate-800">{howMuch}</p> : null}
            <p className="mt-1 text-sm text-slate-600">
              Last change: {med.lastChange} on{' '}
              <time dateTime={med.since}>{formatDate(med.since, 'long')}</time>
            </p>
            {med.explanation ? (
              <div className="mt-3 rounded-md bg-slate-50 p-3 text-sm">
                <p className="font-medium text-slate-900">Why, from {med.prescriberName}</p>
                <p className="mt-1 whitespace-pre-line text-slate-800">{med.explanation}</p>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
