import type { DayHeadline } from '@/lib/data/appointments/day';
import { plural } from '@/lib/format';

const TONES = {
  neutral: 'bg-slate-100 text-slate-800 ring-slate-300',
  teal: 'bg-teal-50 text-teal-900 ring-teal-200',
  amber: 'bg-amber-50 text-amber-900 ring-amber-300',
  rose: 'bg-rose-50 text-rose-900 ring-rose-300',
} as const;

const INSTRUMENT_WORDS = { PHQ9: 'PHQ-9', GAD7: 'GAD-7' } as const;

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/**
 * The brief's headline as short labels: what changed since the last session, the worst first.
 * Words carry the meaning; the colour only repeats it.
 */
export function HeadlineChips({ headline }: { headline: DayHeadline }) {
  const chips: { key: string; tone: keyof typeof TONES; text: string }[] = [];
  const { safetyFlags, medicationChanges, scores, missedCheckInDays, openReviewRequests } =
    headline;
  if (safetyFlags.open > 0) {
    chips.push({
      key: 'flags',
      tone: 'rose',
      text: `${safetyFlags.urgent ? 'Urgent: ' : ''}${plural(safetyFlags.open, 'open safety flag')}`,
    });
  }
  if (medicationChanges.count > 0) {
    chips.push({
      key: 'medications',
      tone: 'amber',
      text:
        medicationChanges.count === 1
          ? `Medication: ${medicationChanges.latestTitle}`
          : `${plural(medicationChanges.count, 'medication change')}, latest: ${medicationChanges.latestTitle}`,
    });
  }
  for (const s of scores) {
    if (s.latest === null) continue;
    chips.push({
      key: s.instrument,
      tone: s.change !== null && s.change >= 5 ? 'amber' : 'neutral',
      text:
        s.change === null
          ? `${INSTRUMENT_WORDS[s.instrument]} ${s.latest} (new)`
          : `${INSTRUMENT_WORDS[s.instrument]} ${s.before} → ${s.latest} (${signed(s.change)})`,
    });
  }
  if (missedCheckInDays > 0) {
    chips.push({
      key: 'check-ins',
      tone: 'neutral',
      text: `${plural(missedCheckInDays, 'day')} without a check-in`,
    });
  }
  if (openReviewRequests > 0) {
    chips.push({
      key: 'reviews',
      tone: 'teal',
      text: `${plural(openReviewRequests, 'plan review request')} open`,
    });
  }
  if (chips.length === 0) {
    return <p className="text-sm text-slate-600">Nothing new since the last session.</p>;
  }
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="What changed since the last session">
      {chips.map((chip) => (
        <li key={chip.key}>
          <span
            className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[chip.tone]}`}
          >
            {chip.text}
          </span>
        </li>
      ))}
    </ul>
  );
}
