// The plain values of lib/schemas/check-ins.ts (limits, lists, words), without zod, so that client
// components use them without putting zod on a page's first load (issue 15).

/** The periods the trend charts offer, in days. */
export const TREND_PERIODS = [30, 90, 365] as const;

/** The longest note a check-in keeps. */
export const CHECK_IN_NOTE_MAX = 2000;
