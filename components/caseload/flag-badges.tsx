import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Flag, FlagKind } from '@/lib/clinical/flags';

const tones: Record<FlagKind, BadgeTone> = {
  SAFETY: 'rose',
  SCORE_WORSENED: 'orange',
  SEVERE_SIDE_EFFECT: 'orange',
  NO_RECENT_CHECK_IN: 'amber',
  NO_SHOWS: 'amber',
  PLAN_REVIEW_OVERDUE: 'amber',
  REVIEW_REQUESTED: 'neutral',
};

/** A patient's flags as words (the colour only repeats them), each with its detail on hover. */
export function FlagBadges({ flags }: { flags: Flag[] }) {
  if (flags.length === 0) return null;
  return (
    <ul className="mt-1.5 flex flex-wrap gap-1.5" aria-label="Flags">
      {flags.map((flag) => (
        <li key={`${flag.kind}-${flag.label}`} title={flag.detail}>
          <Badge tone={tones[flag.kind]}>{flag.label}</Badge>
          <span className="sr-only">: {flag.detail}</span>
        </li>
      ))}
    </ul>
  );
}
