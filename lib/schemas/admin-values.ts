// The plain values of lib/schemas/admin.ts (limits, lists, words), without zod, so that client
// components use them without putting zod on a page's first load (issue 15).

/** The roles an admin may create accounts for. */
export const ACCOUNT_ROLES = ['PATIENT', 'PRESCRIBER', 'THERAPIST'] as const;
