'use client';

import { useVisitRest, VisitRestControl } from '@/components/access-log/visit-rest';
import { Badge } from '@/components/ui/badge';
import { localDate, longDay, timeOf, zoneName } from '@/lib/visit-time';
import type { AccessLogEntry, AccessLogVisit } from '@/lib/schemas/access-log';

/**
 * When a visit was, on the patient's own clock: "Monday, March 2, 2026, 2:00 PM to 2:29 PM EST",
 * one time for a single access, both days when it ran past midnight.
 */
export function visitSpan(startedAt: string, endedAt: string, timeZone: string): string {
  const zone = zoneName(timeZone, new Date(endedAt));
  const startDay = longDay(localDate(startedAt, timeZone));
  const endDay = longDay(localDate(endedAt, timeZone));
  const start = timeOf(startedAt, timeZone);
  const end = timeOf(endedAt, timeZone);
  if (startDay !== endDay) return `${startDay} at ${start} to ${endDay} at ${end} ${zone}`;
  if (start === end) return `${startDay} at ${start} ${zone}`;
  return `${startDay}, ${start} to ${end} ${zone}`;
}

function OutcomeBadge({ outcome }: { outcome: AccessLogEntry['outcome'] }) {
  if (outcome === 'refused') return <Badge tone="rose">Refused</Badge>;
  if (outcome === 'did not go through') return <Badge tone="amber">Did not go through</Badge>;
  return null;
}

/** One access of a visit: its time and what was done. */
function VisitEvent({ entry, timeZone }: { entry: AccessLogEntry; timeZone: string }) {
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
      <time dateTime={entry.occurredAt} className="tabular-nums text-slate-700">
        {timeOf(entry.occurredAt, timeZone)}
      </time>
      <span className="text-slate-900">{entry.did}</span>
      <OutcomeBadge outcome={entry.outcome} />
    </li>
  );
}

/**
 * One visit (one person, one sitting) as one sentence, when it was, and, folded, every access
 * behind it, so nothing in the record's log is out of reach.
 */
export function AccessLogVisitItem({
  patientId,
  visit,
  timeZone,
}: {
  patientId: string;
  visit: AccessLogVisit;
  timeZone: string;
}) {
  const span = visitSpan(visit.startedAt, visit.endedAt, timeZone);
  const count = visit.eventCount;
  const rest = useVisitRest(patientId, visit);
  const shown = [...visit.events, ...rest.more];
  return (
    <li tabIndex={-1} className="py-4">
      <p className="text-slate-900">
        <strong className="font-semibold">{visit.who}</strong>
        {visit.role ? `, ${visit.role},` : null} {visit.did}.
      </p>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <time dateTime={visit.startedAt}>{span}</time>
        {visit.refused > 0 ? <Badge tone="rose">Refused</Badge> : null}
        {visit.byPatient ? <Badge>The patient’s own visit</Badge> : null}
      </p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer font-medium text-teal-800">
          {count === 1 ? 'Show this access' : `Show all ${count} accesses`}
          <span className="sr-only">
            {' '}
            by {visit.who}, {span}
          </span>
        </summary>
        <ol className="mt-2 border-l-2 border-slate-200 pl-3">
          {shown.map((entry) => (
            <VisitEvent key={entry.id} entry={entry} timeZone={timeZone} />
          ))}
        </ol>
        <VisitRestControl rest={rest} remaining={count - shown.length} />
      </details>
    </li>
  );
}
