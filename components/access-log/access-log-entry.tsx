import { Badge } from '@/components/ui/badge';
import { LocalDateTime } from '@/components/ui/local-date-time';
import type { AccessLogEntry } from '@/lib/schemas/access-log';

/** One access, as the sentence the API gives: who (and their role), what, and when. */
export function AccessLogItem({ entry }: { entry: AccessLogEntry }) {
  return (
    <li tabIndex={-1} className="py-4">
      <p className="text-slate-900">
        <strong className="font-semibold">{entry.who}</strong>
        {entry.role ? `, ${entry.role},` : null} {entry.did}.
      </p>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <LocalDateTime iso={entry.occurredAt} />
        {entry.outcome === 'refused' ? <Badge tone="rose">Refused</Badge> : null}
        {entry.outcome === 'did not go through' ? (
          <Badge tone="amber">Did not go through</Badge>
        ) : null}
      </p>
    </li>
  );
}
