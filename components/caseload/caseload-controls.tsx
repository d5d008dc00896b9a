import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { FLAG_KINDS, type FlagKind } from '@/lib/clinical/flags';
import type { CaseloadSort } from '@/lib/data/caseload';

export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  SAFETY: 'Safety flag',
  SCORE_WORSENED: 'Score worsened by 5 or more',
  SEVERE_SIDE_EFFECT: 'Severe side effect',
  NO_RECENT_CHECK_IN: 'No check-in for 14 days',
  NO_SHOWS: '2 or more no-shows in 60 days',
  PLAN_REVIEW_OVERDUE: 'Plan review overdue',
  REVIEW_REQUESTED: 'Review requested',
};

const SORT_LABELS: Record<CaseloadSort, string> = {
  name: 'Name',
  lastCheckIn: 'Longest since check-in',
  phq9: 'Highest latest PHQ-9',
  flags: 'Most urgent flags',
};

/** Sort and filter as a plain GET form: the choices live in the URL, and work without JavaScript. */
export function CaseloadControls({
  sort,
  flag,
  flaggedOnly,
}: {
  sort: CaseloadSort;
  flag: FlagKind | null;
  flaggedOnly: boolean;
}) {
  return (
    <form
      method="get"
      action="/caseload"
      role="search"
      aria-label="Sort and filter the caseload"
      className="mb-4 flex flex-wrap items-end gap-4 border-b border-slate-200 pb-4"
    >
      <div className="space-y-1.5">
        <label htmlFor="caseload-sort" className="block text-sm font-medium text-slate-900">
          Sort by
        </label>
        <select id="caseload-sort" name="sort" defaultValue={sort} className={inputClass}>
          {(Object.keys(SORT_LABELS) as CaseloadSort[]).map((value) => (
            <option key={value} value={value}>
              {SORT_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="caseload-flag" className="block text-sm font-medium text-slate-900">
          Flag
        </label>
        <select id="caseload-flag" name="flag" defaultValue={flag ?? ''} className={inputClass}>
          <option value="">Any</option>
          {FLAG_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {FLAG_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-2 pb-2.5 text-sm text-slate-900">
        <input
          type="checkbox"
          name="flagged"
          value="1"
          defaultChecked={flaggedOnly}
          className="h-4 w-4 accent-teal-700"
        />
        Flagged patients only
      </label>
      <button type="submit" className={buttonClass('secondary', 'mb-0.5')}>
        Apply
      </button>
    </form>
  );
}
