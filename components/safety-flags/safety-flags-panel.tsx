import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { AcknowledgeButton, ResolveForm } from '@/components/safety-flags/flag-actions';
import { FlagSource } from '@/components/safety-flags/flag-source';
import { RaiseFlagForm } from '@/components/safety-flags/raise-flag-form';
import { flagAge } from '@/lib/clinical/flags';
import type { SafetyFlag } from '@/lib/schemas/safety-flags';
import { OUTCOME_LABELS } from '@/lib/schemas/safety-flags-values';

const SOURCE_WORDS: Record<SafetyFlag['source'], string> = {
  PHQ9_ITEM9: 'PHQ-9 item 9',
  PHQ9_TOTAL: 'PHQ-9 total',
  SEVERE_SIDE_EFFECT: 'Severe side effect',
  SUICIDALITY_SIDE_EFFECT: 'Suicidal thoughts on a check-in',
  CLINICIAN: 'Raised by a clinician',
};

/** Not yet acknowledged first, then urgent first, then the oldest. */
function attentionOrder(a: SafetyFlag, b: SafetyFlag): number {
  const rank = (f: SafetyFlag) => (f.status === 'OPEN' ? 0 : 2) + (f.urgency === 'URGENT' ? 0 : 1);
  return rank(a) - rank(b) || a.raisedAt.localeCompare(b.raisedAt);
}

/**
 * The chart's safety flags, for the care team: unresolved ones first (oldest at the top, each with
 * its age, source and the step it waits for), the form to raise one, then the flag history. Each
 * flag carries the anchor `flag-<id>` the inbox links to.
 */
export function SafetyFlagsPanel({
  patientId,
  open,
  history,
  now,
}: {
  patientId: string;
  open: SafetyFlag[];
  history: SafetyFlag[];
  now: Date;
}) {
  return (
    <Card
      title="Safety flags"
      titleId="safety-flags-heading"
      description="Raised by the patient’s answers or by the care team. Acknowledge to tell the team you are on it; resolve with what was done."
    >
      <div className="space-y-6">
        {open.length === 0 ? (
          <EmptyState title="No open safety flags">
            <p>Nothing is waiting for the care team.</p>
          </EmptyState>
        ) : (
          <ul className="space-y-4" aria-label="Open safety flags">
            {[...open].sort(attentionOrder).map((flag) => (
              <OpenFlag key={flag.id} flag={flag} patientId={patientId} now={now} />
            ))}
          </ul>
        )}
        <div className="rounded-lg border border-slate-200 p-4">
          <RaiseFlagForm patientId={patientId} />
        </div>
        <FlagHistory flags={history} />
      </div>
    </Card>
  );
}

function OpenFlag({ flag, patientId, now }: { flag: SafetyFlag; patientId: string; now: Date }) {
  const waiting = flag.status === 'OPEN';
  return (
    <li
      id={`flag-${flag.id}`}
      tabIndex={-1}
      aria-labelledby={`flag-${flag.id}-title`}
      className="scroll-mt-24 space-y-3 rounded-lg border border-rose-300 bg-rose-50/60 p-4 focus:outline-2 focus:outline-rose-700"
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={flag.urgency === 'URGENT' ? 'rose' : 'orange'}>
          {flag.urgency === 'URGENT' ? 'Urgent' : 'High'}
        </Badge>
        <Badge tone={waiting ? 'amber' : 'teal'}>
          {waiting ? 'Not yet acknowledged' : 'Acknowledged'}
        </Badge>
        <span className="text-sm text-slate-700">
          {SOURCE_WORDS[flag.source]} · raised {flagAge(new Date(flag.raisedAt), now)} ago
        </span>
      </div>
      <p id={`flag-${flag.id}-title`} className="font-medium text-slate-900">
        {flag.reason}
      </p>
      <p className="text-sm text-slate-700">
        Raised <LocalDateTime iso={flag.raisedAt} withRelative={false} />
        {flag.raisedBy ? ` by ${flag.raisedBy.name}` : ''}
        {flag.acknowledgedAt && flag.acknowledgedBy ? (
          <>
            ; acknowledged by {flag.acknowledgedBy.name},{' '}
            <LocalDateTime iso={flag.acknowledgedAt} withRelative={false} />
          </>
        ) : null}
        .
      </p>
      <FlagSource flag={flag} />
      {waiting ? (
        <AcknowledgeButton patientId={patientId} flagId={flag.id} />
      ) : (
        <ResolveForm patientId={patientId} flagId={flag.id} />
      )}
    </li>
  );
}

function FlagHistory({ flags }: { flags: SafetyFlag[] }) {
  return (
    <section aria-labelledby="flag-history-heading" className="space-y-3">
      <h3 id="flag-history-heading" className="font-semibold text-slate-900">
        Flag history
      </h3>
      {flags.length === 0 ? (
        <p className="text-sm text-slate-700">No resolved flags yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {flags.map((flag) => (
            <li key={flag.id} id={`flag-${flag.id}`} className="space-y-1 py-3 text-sm">
              <p className="font-medium text-slate-900">{flag.reason}</p>
              <p className="text-slate-700">
                {SOURCE_WORDS[flag.source]}, raised{' '}
                <LocalDateTime iso={flag.raisedAt} withRelative={false} />. Resolved by{' '}
                {flag.resolvedBy?.name ?? 'the care team'}
                {flag.resolvedAt ? (
                  <>
                    , <LocalDateTime iso={flag.resolvedAt} withRelative={false} />
                  </>
                ) : null}
                : <strong>{flag.outcome ? OUTCOME_LABELS[flag.outcome] : 'resolved'}</strong>.
              </p>
              {flag.resolutionNote ? (
                <p className="text-slate-800">Note: {flag.resolutionNote}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
