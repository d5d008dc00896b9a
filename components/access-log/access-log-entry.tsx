import { actorText, summaryAfterName } from '@/components/access-log/plain-language';
import { Badge } from '@/components/ui/badge';
import { LocalDateTime } from '@/components/ui/local-date-time';
import type { AccessLogEntry } from '@/lib/schemas/access-log';

/** One access, as a sentence: who (and their role), what, and when. */
export function AccessLogItem({ entry }: { entry: AccessLogEntry }) {
  const { name, role } = actorText(entry);
  const refused = entry.outcome === 'DENIED';
  const failed = entry.outcome === 'FAILED';
  return (
    <li tabIndex={-1} className="py-4">
      <p className="text-slate-900">
        <strong className="font-semibold">{name}</strong>
        {role ? `, ${role},` : null} {summaryAfterName(entry.summary)}.
      </p>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <LocalDateTime iso={entry.occurredAt} />
        {refused ? <Badge tone="rose">Refused</Badge> : null}
        {failed ? <Badge tone="amber">Did not go through</Badge> : null}
      </p>
    </li>
  );
}
