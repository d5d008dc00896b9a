// The plain values of lib/schemas/treatment-plan.ts (limits, lists, words), without zod, so that client
// components use them without putting zod on a page's first load (issue 15).

/** At most this many goals and interventions in one version. */
export const MAX_GOALS = 20;

export const MAX_INTERVENTIONS = 20;
