// Psychotherapy notes (HIPAA 45 CFR 164.501): the therapist's own process notes.
import { z } from 'zod';
import { freeText, Id, IsoDate, IsoDateTime, Page, pagingFields } from '@/lib/schemas/common';

/** POST /psychotherapy-notes: a private process note of the therapist's own. */
export const PsychotherapyNoteInput = z.strictObject({
  sessionDate: IsoDate.nullable().optional(),
  body: freeText(20_000).refine((s) => s.trim().length > 0, { message: 'Required.' }),
});
export type PsychotherapyNoteInput = z.infer<typeof PsychotherapyNoteInput>;

export const PsychotherapyNoteListQuery = z.strictObject({
  ...pagingFields,
});

/** A psychotherapy note, as its author (and only its author) reads it. */
export const PsychotherapyNote = z.object({
  id: Id,
  patientId: Id,
  sessionDate: IsoDate.nullable(),
  body: z.string(),
  createdAt: IsoDateTime,
});
export type PsychotherapyNote = z.infer<typeof PsychotherapyNote>;

export const PsychotherapyNotePage = Page(PsychotherapyNote);
export type PsychotherapyNotePage = z.infer<typeof PsychotherapyNotePage>;
