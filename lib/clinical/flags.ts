import { daysBetween, toIsoDate } from '@/lib/calendar-date';
// The caseload flags (safety, worsening scores, severe side effects, missed check-ins, missed
// visits, plan review),
// decided from one row of facts per patient. Pure: the query that gathers the facts is
// lib/data/flags.ts.

export const FLAG_KINDS = [
  'SAFETY',
  'SCORE_WORSENED',
  'SEVERE_SIDE_EFFECT',
  'NO_RECENT_CHECK_IN',
  'NO_SHOWS',
  'PLAN_REVIEW_OVERDUE',
  'REVIEW_REQUESTED',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export type Flag = { kind: FlagKind; label: string; detail: string };

/** Days without a check-in before a patient is flagged. */
export const CHECK_IN_GAP_DAYS = 14;
/** Days back that a severe side effect keeps its flag. */
export const SEVERE_SIDE_EFFECT_DAYS = 14;
/** Visits missed (NO_SHOW, with any clinician) within NO_SHOW_DAYS before a patient is flagged. */
export const NO_SHOW_LIMIT = 2;
/** Days back whose missed visits count. */
export const NO_SHOW_DAYS = 60;
/** A rise of this much between a patient's last two PHQ-9s (or GAD-7s) is flagged. */
export const WORSENING_POINTS = 5;

export type FlagFacts = {
  /** Safety flags not yet resolved (OPEN or ACKNOWLEDGED). */
  openSafetyFlags: number;
  /** Of those, the ones nobody has acknowledged yet (OPEN). */
  unacknowledgedSafetyFlags: number;
  /** When the oldest unresolved safety flag was raised, or null when none. */
  oldestOpenSafetyFlagAt: Date | null;
  phq9Latest: number | null;
  phq9Previous: number | null;
  gad7Latest: number | null;
  gad7Previous: number | null;
  /** Newest severe side effect reported in the last SEVERE_SIDE_EFFECT_DAYS days. */
  severeSideEffect: string | null;
  /** `YYYY-MM-DD` of the last check-in, or null when none. */
  lastCheckIn: string | null;
  /** `YYYY-MM-DD` review-by date of the current plan version, or null. */
  planReviewBy: string | null;
  openReviewRequests: number;
  /** Visits marked NO_SHOW that started in the last NO_SHOW_DAYS days (any clinician). */
  recentNoShows: number;
};

/** How long ago `raisedAt` was, compactly: "5 min", "3 h", "2 d". */
export function flagAge(raisedAt: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - raisedAt.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

/** The caseload's safety flag: its age and whether anyone has acknowledged it, whatever raised it. */
function safetyFlag(facts: FlagFacts, now: Date): Flag | null {
  if (facts.openSafetyFlags === 0) return null;
  const age = facts.oldestOpenSafetyFlagAt ? flagAge(facts.oldestOpenSafetyFlagAt, now) : null;
  const waiting = facts.unacknowledgedSafetyFlags > 0;
  const state = waiting ? 'not yet acknowledged' : 'acknowledged';
  const count = facts.openSafetyFlags;
  const what = count === 1 ? 'A safety flag' : `${count} safety flags`;
  return {
    kind: 'SAFETY',
    label: ['Safety flag', age, state].filter(Boolean).join(' · '),
    detail: `${what} open${age ? `, the oldest raised ${age} ago` : ''}: ${
      waiting
        ? `${facts.unacknowledgedSafetyFlags} not yet acknowledged by anyone on the care team.`
        : 'acknowledged, not yet resolved.'
    }`,
  };
}

function daysBefore(fromIsoDate: string, today: Date): number {
  return daysBetween(fromIsoDate, toIsoDate(today));
}

function worsened(instrument: string, latest: number | null, previous: number | null): Flag | null {
  if (latest === null || previous === null || latest - previous < WORSENING_POINTS) return null;
  return {
    kind: 'SCORE_WORSENED',
    label: `${instrument} up ${latest - previous}`,
    detail: `${instrument} rose from ${previous} to ${latest}.`,
  };
}

/** The flags that apply to one patient on `today`, most urgent first. */
export function flagsFor(facts: FlagFacts, today: Date): Flag[] {
  const flags: (Flag | null)[] = [
    safetyFlag(facts, today),
    worsened('PHQ-9', facts.phq9Latest, facts.phq9Previous),
    worsened('GAD-7', facts.gad7Latest, facts.gad7Previous),
    facts.severeSideEffect
      ? {
          kind: 'SEVERE_SIDE_EFFECT',
          label: 'Severe side effect',
          detail: `Reported a severe side effect: ${facts.severeSideEffect}.`,
        }
      : null,
    facts.lastCheckIn === null || daysBefore(facts.lastCheckIn, today) >= CHECK_IN_GAP_DAYS
      ? {
          kind: 'NO_RECENT_CHECK_IN',
          label: 'No check-in for 14+ days',
          detail: facts.lastCheckIn
            ? `Last check-in ${daysBefore(facts.lastCheckIn, today)} days ago.`
            : 'No check-in yet.',
        }
      : null,
    facts.recentNoShows >= NO_SHOW_LIMIT
      ? {
          kind: 'NO_SHOWS',
          label: `${facts.recentNoShows} no-shows in ${NO_SHOW_DAYS} days`,
          detail: `Missed ${facts.recentNoShows} visits in the last ${NO_SHOW_DAYS} days.`,
        }
      : null,
    facts.planReviewBy !== null && daysBefore(facts.planReviewBy, today) > 0
      ? {
          kind: 'PLAN_REVIEW_OVERDUE',
          label: 'Plan review overdue',
          detail: `The plan was due for review on ${facts.planReviewBy}.`,
        }
      : null,
    facts.openReviewRequests > 0
      ? {
          kind: 'REVIEW_REQUESTED',
          label: 'Asked for a plan review',
          detail: 'The patient asked to revisit the plan.',
        }
      : null,
  ];
  return flags.filter((flag): flag is Flag => flag !== null);
}
