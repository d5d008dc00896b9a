// A visit to the patient's record (one person, one sitting) as one sentence in the patient's words:
// "Elena Rivera, your prescriber, looked at your medications and your check-ins." Pure; the
// nouns and verbs are lib/audit-vocabulary.ts's, so a visit says exactly what its events say.
import {
  accessInWords,
  isReadAction,
  patientNoun,
  whoDidIt,
  type AuditFacts,
} from '@/lib/audit-vocabulary';

const LIST = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** Past this many things looked at or changed, a sentence names the first and counts the rest. */
const NAMED = 4;

/** "a, b, c, d, and 5 other things": a sentence stays readable; the accesses list them all. */
function some(items: string[], others: (n: number) => string): string[] {
  if (items.length <= NAMED + 1) return items;
  return [...items.slice(0, NAMED), others(items.length - NAMED)];
}

/** The facts of one event of a visit, oldest first; the actor is the visit's. */
export type VisitEventFacts = Pick<AuditFacts, 'action' | 'resourceType' | 'outcome' | 'actorRole'>;

export type VisitWords = {
  who: string;
  role: string | null;
  did: string;
  summary: string;
  /** How many events were refused or did not go through. */
  refused: number;
};

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * `events` oldest first (what was looked at is said in the order it was looked at). The role is
 * said as for an allowed access when any went through ("your prescriber"), else as a refusal's.
 */
export function visitInWords(
  actor: Pick<AuditFacts, 'actorName' | 'isSelf'>,
  events: VisitEventFacts[],
): VisitWords {
  const first = events.find((e) => e.outcome === 'ALLOWED') ?? events[0];
  if (!first) throw new Error('A visit has at least one event.');
  const { who, role } = whoDidIt({ ...first, ...actor });
  const said = (e: VisitEventFacts) => accessInWords({ ...e, ...actor }).did;
  const allowed = events.filter((e) => e.outcome === 'ALLOWED');
  const looked = distinct(allowed.filter((e) => isReadAction(e.action)).map((e) => e.resourceType));
  const changes = distinct(allowed.filter((e) => !isReadAction(e.action)).map(said));
  const refusals = events.filter((e) => e.outcome !== 'ALLOWED');
  const nouns = some(distinct(looked.map(patientNoun)), (n) => `${n} other parts of your record`);
  const clauses = [
    ...(nouns.length > 0 ? [`looked at ${LIST.format(nouns)}`] : []),
    ...some(changes, (n) => `made ${n} other changes`),
    ...some(distinct(refusals.map(said)), (n) => `had ${n} other attempts refused`),
  ];
  const did = LIST.format(clauses);
  return {
    who,
    role,
    did,
    summary: `${who}${role ? `, ${role},` : ''} ${did}.`,
    refused: refusals.length,
  };
}
