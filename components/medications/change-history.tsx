import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { formatDate } from '@/lib/format';
import type { MedicationChange } from '@/lib/schemas/medications';
import { changeTitle } from './medication-text';

/** The change history, newest first: who, when, why, what to watch, and the words for each reader. */
export function ChangeHistory({ changes }: { changes: MedicationChange[] }) {
  if (changes.length === 0) {
    return (
      <EmptyState title="No medication changes yet">
        <p>Each start, dose change, hold or stop will be listed here with its reason.</p>
      </EmptyState>
    );
  }
  const titles = new Map(changes.map((c) => [c.id, changeTitle(c)]));
  return (
    <ol className="space-y-4" aria-label="Medication change history">
      {changes.map((change) => {
        const corrected = change.correctedById !== null;
        return (
          <li
            key={change.id}
            id={`change-${change.id}`}
            className={`rounded-lg border p-4 ${corrected ? 'border-slate-200 bg-slate-50' : 'border-slate-200'}`}
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className={`font-semibold text-slate-900 ${corrected ? 'line-through' : ''}`}>
                {changeTitle(change)}
              </h3>
              <div className="flex flex-wrap gap-1.5">
                {corrected ? <Badge tone="rose">Entered in error</Badge> : null}
                {change.action === 'ENTERED_IN_ERROR' ? (
                  <Badge tone="amber">Correction</Badge>
                ) : null}
              </div>
            </div>
            <p className="mt-1 text-sm text-slate-600">
              Effective{' '}
              <time dateTime={change.effectiveDate}>{formatDate(change.effectiveDate)}</time>
              {' · recorded by '}
              {change.prescriber.name}
              {' · '}
              <LocalDateTime iso={change.createdAt} />
            </p>
            {change.action === 'ENTERED_IN_ERROR' && change.correctsId ? (
              <p className="mt-2 text-sm text-slate-800">
                Corrects:{' '}
                <a href={`#change-${change.correctsId}`} className="text-teal-800 underline">
                  {titles.get(change.correctsId) ?? 'an earlier change'}
                </a>
              </p>
            ) : null}
            {corrected ? (
              <p className="mt-2 text-sm text-slate-800">
                <a href={`#change-${change.correctedById}`} className="text-teal-800 underline">
                  See the correction
                </a>
                ; this change no longer counts toward the regimen.
              </p>
            ) : null}
            <ChangeDetails change={change} />
          </li>
        );
      })}
    </ol>
  );
}

/** Why, what to watch, when to review, and the words for the team and for the patient. */
function ChangeDetails({ change }: { change: MedicationChange }) {
  return (
    <dl className="mt-3 grid grid-cols-[minmax(0,1fr)] gap-x-6 gap-y-2 text-sm sm:grid-cols-[minmax(0,9rem)_minmax(0,1fr)]">
      <dt className="font-medium text-slate-700">Reason</dt>
      <dd className="whitespace-pre-line text-slate-900">{change.reason}</dd>
      {change.monitorFor.length > 0 ? (
        <>
          <dt className="font-medium text-slate-700">Monitor for</dt>
          <dd>
            <ul className="flex flex-wrap gap-1.5">
              {change.monitorFor.map((item) => (
                <li key={item}>
                  <Badge wrap>{item}</Badge>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {change.reviewBy ? (
        <>
          <dt className="font-medium text-slate-700">Review by</dt>
          <dd className="text-slate-900">
            <time dateTime={change.reviewBy}>{formatDate(change.reviewBy)}</time>
          </dd>
        </>
      ) : null}
      {change.noteForCareTeam ? (
        <>
          <dt className="font-medium text-slate-700">Note for the care team</dt>
          <dd className="whitespace-pre-line text-slate-900">{change.noteForCareTeam}</dd>
        </>
      ) : null}
      {change.patientExplanation ? (
        <>
          <dt className="font-medium text-slate-700">Explanation for the patient</dt>
          <dd className="whitespace-pre-line text-slate-900">{change.patientExplanation}</dd>
        </>
      ) : null}
    </dl>
  );
}
