// The plain values of lib/schemas/safety-plan.ts (limits, lists, words), without zod, so that client
// components use them without putting zod on a page's first load (issue 15).

/** At most this many items in one section. */
export const MAX_SAFETY_PLAN_ITEMS = 15;
