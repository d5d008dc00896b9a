import Link from 'next/link';
import { ContactSummary } from '@/components/contact/contact-summary';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { FlagKind } from '@/lib/clinical/flags';
import type { ChartHeader as ChartHeaderData } from '@/lib/data/chart';
import { ageOn, roleLabel } from '@/lib/format';
import type { Contact } from '@/lib/schemas/contact';

const flagTone: Record<FlagKind, BadgeTone> = {
  SAFETY: 'rose',
  SCORE_WORSENED: 'orange',
  SEVERE_SIDE_EFFECT: 'orange',
  NO_RECENT_CHECK_IN: 'amber',
  NO_SHOWS: 'amber',
  PLAN_REVIEW_OVERDUE: 'amber',
  REVIEW_REQUESTED: 'amber',
};

/**
 * Who the chart is about, at a glance: name, age, pronouns, care team, flags, and how to reach
 * them (set apart beside an open safety flag); a link to book a visit.
 */
export function ChartHeader({
  patient,
  contact,
  now,
}: {
  patient: ChartHeaderData;
  contact: Contact;
  now: Date;
}) {
  const urgent = patient.flags.some((flag) => flag.kind === 'SAFETY');
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h1 className="text-2xl font-semibold text-slate-900">{patient.name}</h1>
        <p className="text-slate-700">
          {ageOn(patient.dateOfBirth, now)} years
          {patient.pronouns ? <span> · {patient.pronouns}</span> : null}
        </p>
        <Link
          href={`/appointments/new?patientId=${encodeURIComponent(patient.id)}`}
          className="text-sm font-medium text-teal-800 underline sm:ml-auto"
        >
          Book a visit
        </Link>
      </div>
      <p className="text-sm text-slate-700">
        <span className="font-medium">Care team: </span>
        {patient.careTeam.length === 0
          ? 'no active clinicians'
          : patient.careTeam
              .map(
                (m) =>
                  `${m.name} (${roleLabel(m.role).toLowerCase()}${m.isActive ? '' : ', no longer active'})`,
              )
              .join(', ')}
      </p>
      {patient.flags.length > 0 ? (
        <ul aria-label="Flags" className="flex flex-wrap gap-2">
          {patient.flags.map((flag) => (
            <li key={flag.kind + flag.label} title={flag.detail}>
              <Badge tone={flagTone[flag.kind]}>{flag.label}</Badge>
              <span className="sr-only">: {flag.detail}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <ContactSummary
        patientId={patient.id}
        name={patient.name}
        contact={contact}
        urgent={urgent}
      />
    </header>
  );
}
