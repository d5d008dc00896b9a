// The plain values of lib/schemas/treatment-plan.ts (limits, lists, words), without zod, so that client
// components use them without putting zod on a page's first load (issue 15).

/** At most this many goals and interventions in one version. */
export const MAX_GOALS = 20;

export const MAX_INTERVENTIONS = 20;

/** At most this many characters in a goal's wording for the patient, and in a version's summary for them. */
export const PATIENT_WORDING_MAX = 500;

export const PATIENT_SUMMARY_MAX = 1000;
