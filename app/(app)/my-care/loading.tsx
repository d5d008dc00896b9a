import { LoadingCards } from '@/components/ui/loading-panel';

/**
 * Shaped like the page (its header, then its ten cards: the next appointment, today, messages,
 * the safety plan, coming up, trends, the plan, medications, the care team, privacy), so that the
 * summary replacing it does not jump (a layout shift of 0.79 with a one-panel placeholder).
 */
export default function MyCareLoading() {
  return (
    <LoadingCards
      label="Loading your care summary…"
      introLines={2}
      cards={[3, 2, 1, 1, 2, 3, 3, 3, 2, 1]}
    />
  );
}
