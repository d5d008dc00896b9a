import Link from 'next/link';
import {
  AssessmentSummary,
  BriefSection,
  CheckInSummary,
  MedicationChangeItem,
  PlanChangeList,
  SideEffectList,
} from '@/components/brief/brief-sections';
import { Card } from '@/components/ui/card';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { roleLabel } from '@/lib/format';
import type { Brief } from '@/lib/schemas/brief';
import { BRIEF_PRESETS } from './brief-presets';

function periodTitle(brief: Brief, preset: string): string {
  const chosen = BRIEF_PRESETS.find((p) => p.value === preset && p.value !== '');
  if (chosen) return `What changed: ${chosen.label.toLowerCase()}`;
  if (brief.sinceSource === 'LAST_COMPLETED_APPOINTMENT')
    return 'What changed since your last session';
  if (brief.sinceSource === 'LAST_SIGNED_NOTE') return 'What changed since your last signed note';
  if (brief.sinceSource === 'DEFAULT_30_DAYS') return 'What changed in the last 30 days';
  return 'What changed since the chosen date';
}

/** What the default period starts at, said before its date. */
function periodStart(brief: Brief, preset: string): string {
  if (preset !== '') return '';
  if (brief.sinceSource === 'LAST_COMPLETED_APPOINTMENT') return 'the end of your last session, ';
  if (brief.sinceSource === 'LAST_SIGNED_NOTE') return 'your last signed note, ';
  return '';
}

/**
 * The before-session brief, the first thing a clinician on the team sees on a patient's chart.
 * The page loads it (getBrief, with the period from resolveBriefSince in ./brief-period.ts) and
 * `preset` names the period link that is current.
 */
export function BriefPanel({
  brief,
  patientId,
  preset,
  basePath,
}: {
  brief: Brief;
  patientId: string;
  preset: string;
  /** Where the period links point; the chart's Overview by default. */
  basePath?: string;
}) {
  const base = basePath ?? `/patients/${patientId}`;
  return (
    <Card
      title={periodTitle(brief, preset)}
      titleId="brief-heading"
      description={
        <>
          From {periodStart(brief, preset)}
          <LocalDateTime iso={brief.since} /> to now.
        </>
      }
      actions={<BriefPeriodLinks base={base} preset={preset} />}
    >
      <BriefBody brief={brief} patientId={patientId} />
    </Card>
  );
}

function BriefPeriodLinks({ base, preset }: { base: string; preset: string }) {
  return (
    <nav aria-label="Brief period">
      <ul className="flex flex-wrap gap-2 text-sm">
        {BRIEF_PRESETS.map((p) => (
          <li key={p.value || 'default'}>
            <Link
              href={p.value ? `${base}?since=${p.value}` : base}
              aria-current={preset === p.value ? 'true' : undefined}
              className={`inline-block rounded-md border px-2.5 py-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700 ${
                preset === p.value
                  ? 'border-teal-700 bg-teal-50 font-medium text-teal-900'
                  : 'border-slate-300 text-slate-800 hover:bg-slate-50'
              }`}
            >
              {p.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function BriefBody({ brief, patientId }: { brief: Brief; patientId: string }) {
  const noneSince = <LocalDateTime iso={brief.since} withRelative={false} />;
  return (
    <div className="space-y-8">
      {brief.openSafetyFlags.length > 0 ? (
        <div role="alert" className="rounded-lg border border-rose-300 bg-rose-50 p-4">
          <h3 className="font-semibold text-rose-900">Open safety flags</h3>
          <ul className="mt-2 space-y-1 text-sm text-rose-950">
            {brief.openSafetyFlags.map((flag) => (
              <li key={flag.id}>
                {flag.urgency === 'URGENT' ? <strong>Urgent: </strong> : null}
                {flag.reason} (raised <LocalDateTime iso={flag.raisedAt} withRelative={false} />
                {flag.status === 'OPEN' ? ', not yet acknowledged' : ', acknowledged'}).{' '}
                <a href={`#flag-${flag.id}`} className="font-medium underline">
                  Open the flag
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <BriefSection id="brief-medications" title="Medication changes">
        {brief.medicationChanges.length > 0 ? (
          <div className="space-y-3">
            {brief.medicationChanges.map((change) => (
              <MedicationChangeItem key={change.id} change={change} />
            ))}
          </div>
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">No medication changes since {noneSince}.</p>
            {brief.lastChangeBefore ? (
              <>
                <p className="text-sm font-medium text-slate-800">The most recent change:</p>
                <MedicationChangeItem change={brief.lastChangeBefore} />
              </>
            ) : null}
          </div>
        )}
      </BriefSection>

      <BriefSection id="brief-scores" title="PHQ-9 and GAD-7">
        <div className="grid gap-3 sm:grid-cols-2">
          {brief.assessments.map((a) => (
            <AssessmentSummary key={a.instrument} assessment={a} />
          ))}
        </div>
      </BriefSection>

      <BriefSection id="brief-check-ins" title="Check-ins">
        <CheckInSummary checkIns={brief.checkIns} />
      </BriefSection>

      <BriefSection id="brief-side-effects" title="Side effects reported">
        {brief.sideEffects.length > 0 ? (
          <SideEffectList sideEffects={brief.sideEffects} />
        ) : (
          <p className="text-sm text-slate-700">No side effects reported in this period.</p>
        )}
      </BriefSection>

      <BriefSection id="brief-plan" title="Plan changes">
        {brief.planChanges.length > 0 ? (
          <PlanChangeList changes={brief.planChanges} />
        ) : (
          <p className="text-sm text-slate-700">The plan has not changed in this period.</p>
        )}
      </BriefSection>

      <BriefMessages messages={brief.messages} patientId={patientId} />
    </div>
  );
}

function BriefMessages({
  messages,
  patientId,
}: {
  messages: Brief['messages'];
  patientId: string;
}) {
  return (
    <BriefSection id="brief-messages" title="Care-team messages">
      {messages.length > 0 ? (
        <ul className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} className="rounded-lg border border-slate-200 p-3 text-sm">
              <p className="text-slate-700">
                <span className="font-medium text-slate-900">{m.author.name}</span> (
                {roleLabel(m.author.role).toLowerCase()}),{' '}
                <LocalDateTime iso={m.createdAt} withRelative={false} />
              </p>
              <p className="mt-1 whitespace-pre-line text-slate-900">{m.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">No messages in this period.</p>
      )}
      <Link
        href={`/patients/${patientId}/messages`}
        className="inline-block text-sm font-medium text-teal-800 underline"
      >
        Open the care-team thread
      </Link>
    </BriefSection>
  );
}
