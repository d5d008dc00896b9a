import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { LocalDateTime } from '@/components/ui/local-date-time';
import type { TimelineItem } from '@/lib/schemas/timeline';

const kindLabel: Record<TimelineItem['kind'], [string, BadgeTone]> = {
  medicationChange: ['Medication', 'teal'],
  sessionNote: ['Note', 'neutral'],
  draftNote: ['Draft', 'amber'],
  addendum: ['Addendum', 'neutral'],
  checkIn: ['Check-in', 'neutral'],
  assessment: ['Questionnaire', 'neutral'],
  planVersion: ['Plan', 'teal'],
  message: ['Message', 'neutral'],
  safetyFlagRaised: ['Safety flag', 'rose'],
  safetyFlagAcknowledged: ['Safety flag', 'amber'],
  safetyFlagResolved: ['Safety flag', 'neutral'],
};

/** Events newest first; notes link to `noteHref` when given. */
export function TimelineList({
  items,
  noteHref,
}: {
  items: TimelineItem[];
  noteHref?: (noteId: string) => string;
}) {
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
      {items.map((item) => {
        const [label, tone] = kindLabel[item.kind];
        return (
          <li key={`${item.kind}-${item.id}`} className="space-y-1">
            <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
              <Badge tone={tone}>{label}</Badge>
              <LocalDateTime iso={item.at} withRelative={false} />
              {item.actor ? <span>· {item.actor}</span> : null}
            </p>
            <p className="font-medium text-slate-900">
              {item.noteId && noteHref ? (
                <Link
                  href={noteHref(item.noteId)}
                  className="underline decoration-slate-400 hover:text-teal-800"
                >
                  {item.title}
                </Link>
              ) : (
                item.title
              )}
            </p>
            {item.detail ? <p className="text-sm text-slate-800">{item.detail}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
