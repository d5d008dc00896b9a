import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { plural, roleLabel } from '@/lib/format';
import type { AuditEventRow } from '@/lib/schemas/audit-events';

const outcomes: Record<AuditEventRow['outcome'], { label: string; tone: BadgeTone }> = {
  ALLOWED: { label: 'Allowed', tone: 'teal' },
  DENIED: { label: 'Denied', tone: 'rose' },
  FAILED: { label: 'Failed', tone: 'amber' },
};

/** "2026-03-03 14:15:02 UTC": audit times in one zone for everyone who compares them. */
export function auditTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

const COLUMNS = ['When', 'Actor', 'Role', 'Action', 'Resource', 'Patient', 'Outcome', 'IP'];
const cell = 'px-3 py-2.5 align-top';
const link = 'font-medium text-teal-800 underline';

type Filter = (filter: { patientId?: string; actorId?: string }) => string;

/** Whom an event is about: one patient (a link to their events), or the patients of a list view. */
function PatientCell({
  event,
  hrefWith,
  focusPatient,
}: {
  event: AuditEventRow;
  hrefWith: Filter;
  focusPatient?: { id: string; name: string };
}) {
  if (event.patientId) {
    return (
      <Link href={hrefWith({ patientId: event.patientId })} className={link}>
        {event.patientName ?? 'Unknown patient'}
      </Link>
    );
  }
  const count = event.patientIds.length;
  if (count === 0) return '—';
  if (focusPatient && event.patientIds.includes(focusPatient.id)) {
    return `${focusPatient.name}, in a list of ${plural(count, 'patient')}`;
  }
  return `${plural(count, 'patient')} in a list`;
}

/**
 * Audit events as the trail records them: no clinical content beyond what each event says. Actor
 * and patient names link to the log filtered by them (`hrefWith`).
 */
export function AuditEventTable({
  events,
  hrefWith,
  focusPatient,
}: {
  events: AuditEventRow[];
  hrefWith: Filter;
  /** The patient the log is filtered by: a list view that showed them names them. */
  focusPatient?: { id: string; name: string };
}) {
  return (
    <div
      role="region"
      aria-labelledby="audit-table-caption"
      tabIndex={0}
      className="-mx-5 overflow-x-auto sm:-mx-6"
    >
      <table className="w-full min-w-[56rem] border-collapse text-left text-sm">
        <caption id="audit-table-caption" className="sr-only">
          Audit events, newest first
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs font-medium tracking-wide text-slate-600 uppercase">
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={cell}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {events.map((event) => {
            const outcome = outcomes[event.outcome];
            return (
              <tr key={event.id}>
                <td className={`${cell} whitespace-nowrap tabular-nums`}>
                  <time dateTime={event.occurredAt}>{auditTime(event.occurredAt)}</time>
                </td>
                <td className={cell}>
                  {event.actorId ? (
                    <Link href={hrefWith({ actorId: event.actorId })} className={link}>
                      {event.actorName ?? event.actorEmail ?? 'Unknown account'}
                    </Link>
                  ) : (
                    <span className="text-slate-600">Not signed in</span>
                  )}
                </td>
                <td className={`${cell} whitespace-nowrap`}>
                  {event.actorRole ? roleLabel(event.actorRole) : '—'}
                </td>
                <td className={`${cell} whitespace-nowrap`}>{event.action}</td>
                <td className={cell}>
                  <span className="block">{event.resourceType}</span>
                  {event.resourceId ? (
                    <span className="block font-mono text-xs text-slate-600">
                      {event.resourceId.slice(0, 8)}
                    </span>
                  ) : null}
                </td>
                <td className={cell}>
                  <PatientCell event={event} hrefWith={hrefWith} focusPatient={focusPatient} />
                </td>
                <td className={cell}>
                  <Badge tone={outcome.tone}>{outcome.label}</Badge>
                </td>
                <td className={`${cell} font-mono text-xs whitespace-nowrap`}>{event.ip ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
