import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { roleLabel } from '@/lib/format';
import { telHref } from '@/lib/schemas/contact-values';
import type { SafetyPlanSection, SafetyPlanView } from '@/lib/schemas/safety-plan';
import { SECTION_WORDS } from './sections';

const LINK = 'font-semibold text-teal-800 underline underline-offset-2 print:text-black';

function Phone({ phone }: { phone: string }) {
  return (
    <a href={telHref(phone)} className={LINK}>
      {phone}
    </a>
  );
}

/** The numbers that are on every plan, first, whatever was written: they cannot be removed. */
export function CrisisBox({ lines }: { lines: SafetyPlanView['crisisLines'] }) {
  return (
    <section
      aria-labelledby="crisis-heading"
      className="rounded-xl border border-rose-300 bg-rose-50 p-4 text-rose-950 print:border-black print:bg-white print:text-black"
    >
      <h2 id="crisis-heading" className="font-semibold">
        If you need help right now
      </h2>
      <ul className="mt-2 space-y-1">
        {lines.map((line) => (
          <li key={line.phone}>
            <span className="font-medium">{line.name}</span>: <Phone phone={line.phone} />.{' '}
            {line.detail}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Step 5's people who are always there: the care team and the crisis lines. */
export function AlwaysThere({ view }: { view: Pick<SafetyPlanView, 'careTeam' | 'crisisLines'> }) {
  return (
    <ul className="list-disc space-y-1 pl-6 text-sm text-slate-800 print:text-black">
      {view.careTeam.map((member) => (
        <li key={member.id}>
          {member.name}, {roleLabel(member.role).toLowerCase()} on the care team (call the clinic)
        </li>
      ))}
      {view.crisisLines.map((line) => (
        <li key={line.phone}>
          {line.name}: <Phone phone={line.phone} />
          {line.text ? ` (call or text)` : ''}
        </li>
      ))}
    </ul>
  );
}

type Plan = NonNullable<SafetyPlanView['plan']>;

/** What one step of the plan holds, as a list. */
function itemsOf(plan: Plan, section: SafetyPlanSection): ReactNode[] {
  switch (section) {
    case 'distractions':
      return plan.distractions.map((d) => (
        <>
          {d.name}
          {d.place ? `, ${d.place}` : ''}
          {d.phone ? (
            <>
              : <Phone phone={d.phone} />
            </>
          ) : null}
        </>
      ));
    case 'helpers':
      return plan.helpers.map((h) => (
        <>
          {h.name}: <Phone phone={h.phone} />
        </>
      ));
    case 'professionals':
      return plan.professionals.map((p) => (
        <>
          {p.name}
          {p.role ? ` (${p.role})` : ''}: <Phone phone={p.phone} />
        </>
      ));
    default:
      return plan[section];
  }
}

const ORDER = Object.keys(SECTION_WORDS) as SafetyPlanSection[];

/**
 * The safety plan to read and to print: the crisis lines first, then the seven steps; step 5
 * always lists the care team and the crisis lines.
 */
export function SafetyPlanRead({ view, emptyText }: { view: SafetyPlanView; emptyText: string }) {
  const { plan } = view;
  return (
    <div className="space-y-6">
      <CrisisBox lines={view.crisisLines} />
      {plan ? null : <EmptyState title={emptyText} />}
      <ol className="space-y-5">
        {ORDER.map((section) => {
          const words = SECTION_WORDS[section];
          const items = plan ? itemsOf(plan, section) : [];
          if (!plan && section !== 'professionals') return null;
          return (
            <li key={section} className="break-inside-avoid">
              <h2 className="text-base font-semibold text-slate-900 print:text-black">
                Step {words.step}: {words.title}
              </h2>
              {items.length > 0 ? (
                <ul className="mt-1 list-disc space-y-1 pl-6 text-slate-800 print:text-black">
                  {items.map((item, index) => (
                    <li key={index}>{item}</li>
                  ))}
                </ul>
              ) : section === 'professionals' ? null : (
                <p className="mt-1 text-sm text-slate-600">Nothing written here yet.</p>
              )}
              {section === 'professionals' ? (
                <div className="mt-2">
                  <AlwaysThere view={view} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
