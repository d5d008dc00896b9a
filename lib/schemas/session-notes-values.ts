// The plain values of lib/schemas/session-notes.ts (limits, lists, words), without zod, so that client
// components use them without putting zod on a page's first load (issue 15).

/** The sections of each format, in reading order, with their headings. */
export const NOTE_SECTIONS = {
  DAP: [
    ['data', 'Data'],
    ['assessment', 'Assessment'],
    ['plan', 'Plan'],
  ],
  SOAP: [
    ['subjective', 'Subjective'],
    ['objective', 'Objective'],
    ['assessment', 'Assessment'],
    ['plan', 'Plan'],
  ],
} as const;
