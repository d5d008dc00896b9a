import type { ReactNode } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { briefChangeTitle } from '@/lib/clinical/medication-wording';
import { formatDate, plural } from '@/lib/format';
import type {
  BriefAssessment,
  BriefCheckIns,
  BriefMedicationChange,
  BriefPlanChange,
  BriefSideEffect,
} from '@/lib/schemas/brief';

/** A section of the brief with its own heading. */
export function BriefSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h3 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** One medication change: what, why, what to watch, and the prescriber's note for the team. */
export function MedicationChangeItem({ change }: { change: BriefMedicationChange }) {
  return (
    <article className="space-y-2 rounded-lg border border-slate-200 p-4">
      <p className="font-medium text-slate-900">{briefChangeTitle(change)}</p>
      <p className="text-sm text-slate-700">
        Effective {formatDate(change.effectiveDate)} · recorded by {change.prescriber.name}
      </p>
      <p className="text-sm text-slate-800">
        <span className="font-medium">Reason: </span>
        {change.reason}
      </p>
      {change.monitorFor.length > 0 ? (
        <p className="text-sm text-slate-800">
          <span className="font-medium">Monitor for: </span>
          {change.monitorFor.join(', ')}
        </p>
      ) : null}
      {change.noteForCareTeam ? (
        <div className="rounded-md border-l-4 border-teal-700 bg-teal-50 px-3 py-2 text-sm text-slate-900">
          <p className="font-medium">Note for the care team</p>
          <p className="whitespace-pre-line">{change.noteForCareTeam}</p>
        </div>
      ) : null}
    </article>
  );
}

const severityTone: Record<string, BadgeTone> = {
  minimal: 'teal',
  mild: 'neutral',
  moderate: 'amber',
  'moderately severe': 'orange',
  severe: 'rose',
};

function delta(change: number | null, against: string): string | null {
  if (change === null) return null;
  if (change === 0) return `no change from ${against}`;
  return `${change > 0 ? 'up' : 'down'} ${Math.abs(change)} from ${against}`;
}

/** PHQ-9 or GAD-7: the latest score and band, against the previous and the first. */
export function AssessmentSummary({ assessment }: { assessment: BriefAssessment }) {
  const name = assessment.instrument === 'PHQ9' ? 'PHQ-9' : 'GAD-7';
  const { latest, previous, baseline } = assessment;
  return (
    <div className="rounded-lg border border-slate-200 p-4">
      <p className="text-sm font-medium text-slate-700">{name}</p>
      {latest ? (
        <>
          <p className="mt-1 flex flex-wrap items-center gap-2">
            <span className="text-2xl font-semibold text-slate-900">{latest.score}</span>
            <Badge tone={severityTone[latest.severity] ?? 'neutral'}>{latest.severity}</Badge>
            {assessment.newInPeriod ? <Badge tone="teal">new</Badge> : null}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            <LocalDateTime iso={latest.completedAt} />
          </p>
          <ul className="mt-2 space-y-0.5 text-sm text-slate-800">
            {previous ? (
              <li>
                {delta(assessment.changeFromPrevious, 'previous')} ({previous.score},{' '}
                {previous.severity})
              </li>
            ) : (
              <li>No earlier score.</li>
            )}
            {baseline && previous ? (
              <li>
                {delta(assessment.changeFromBaseline, 'baseline')} ({baseline.score},{' '}
                {baseline.severity})
              </li>
            ) : null}
          </ul>
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-700">Not completed yet.</p>
      )}
    </div>
  );
}

const measures = [
  ['mood', 'Mood (0–10)'],
  ['sleepHours', 'Sleep (hours)'],
  ['sleepQuality', 'Sleep quality (1–5)'],
  ['energy', 'Energy (1–5)'],
  ['focus', 'Focus (1–5)'],
  ['appetite', 'Appetite (1–5)'],
] as const;

function change(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—';
  const d = Math.round((now - before) * 10) / 10;
  if (d === 0) return 'no change';
  return d > 0 ? `up ${d}` : `down ${Math.abs(d)}`;
}

/** Check-ins in the period: how many, the days missed, and averages against the period before. */
export function CheckInSummary({ checkIns }: { checkIns: BriefCheckIns }) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-800">
        {plural(checkIns.count, 'check-in')} in {plural(checkIns.days, 'day')}
        {checkIns.missedDays > 0 ? `; ${plural(checkIns.missedDays, 'day')} without one` : ''}.
        {checkIns.lastCheckIn ? ` Last check-in ${formatDate(checkIns.lastCheckIn)}.` : ''} The
        period before had {plural(checkIns.previous.count, 'check-in')}.
      </p>
      {checkIns.count > 0 || checkIns.previous.count > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Check-in averages, this period against the one before
            </caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-700">
                <th scope="col" className="py-2 pr-3 font-medium">
                  Average
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  This period
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Before
                </th>
                <th scope="col" className="py-2 font-medium">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {measures.map(([key, label]) => (
                <tr key={key} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-3 font-normal text-slate-800">
                    {label}
                  </th>
                  <td className="py-2 pr-3 text-slate-900">{checkIns.averages[key] ?? '—'}</td>
                  <td className="py-2 pr-3 text-slate-900">
                    {checkIns.previous.averages[key] ?? '—'}
                  </td>
                  <td className="py-2 text-slate-900">
                    {change(checkIns.averages[key], checkIns.previous.averages[key])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

const sideEffectTone = { MILD: 'neutral', MODERATE: 'amber', SEVERE: 'rose' } as const;

/** Side effects reported in the period, grouped by name, with severity over time. */
export function SideEffectList({ sideEffects }: { sideEffects: BriefSideEffect[] }) {
  return (
    <ul className="space-y-3">
      {sideEffects.map((effect) => (
        <li key={effect.name} className="rounded-lg border border-slate-200 p-3">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            {effect.name}
            <Badge tone={sideEffectTone[effect.worst]}>worst: {effect.worst.toLowerCase()}</Badge>
            <span className="text-sm font-normal text-slate-700">
              {plural(effect.reports, 'report')}
            </span>
          </p>
          <ol
            aria-label={`${effect.name}, severity over time`}
            className="mt-2 flex flex-wrap gap-1"
          >
            {effect.series.map((point) => (
              <li key={point.date}>
                <Badge tone={sideEffectTone[point.severity]}>
                  {formatDate(point.date)}: {point.severity.toLowerCase()}
                </Badge>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}

/** Plan versions saved in the period, with what their authors said changed. */
export function PlanChangeList({ changes }: { changes: BriefPlanChange[] }) {
  return (
    <ul className="space-y-2">
      {changes.map((change) => (
        <li key={change.version} className="text-sm text-slate-800">
          <p className="font-medium text-slate-900">
            Version {change.version} by {change.author.name},{' '}
            <LocalDateTime iso={change.createdAt} withRelative={false} />
          </p>
          <p>{change.changeSummary ?? 'No summary of the change was given.'}</p>
        </li>
      ))}
    </ul>
  );
}
