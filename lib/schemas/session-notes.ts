// Session (progress) notes: drafts, signing, addenda, withholding from the patient.
import { z } from 'zod';
import {
  CLINICIAN_ROLES,
  SESSION_NOTE_FORMATS,
  SESSION_NOTE_KINDS,
  SESSION_NOTE_STATUSES,
} from '@/lib/schemas/enums';
import {
  freeText,
  Id,
  IsoDate,
  IsoDateTime,
  Page,
  pagingFields,
  Person,
} from '@/lib/schemas/common';
import { NOTE_SECTIONS } from '@/lib/schemas/session-notes-values';
export { NOTE_SECTIONS };

const Section = freeText(20_000);

/** DAP: data, assessment, plan. */
export const DapBody = z.strictObject({ data: Section, assessment: Section, plan: Section });
/** SOAP: subjective, objective, assessment, plan. */
export const SoapBody = z.strictObject({
  subjective: Section,
  objective: Section,
  assessment: Section,
  plan: Section,
});

export const SessionNoteKind = z.enum(SESSION_NOTE_KINDS);

const noteFields = {
  kind: SessionNoteKind,
  sessionDate: IsoDate.refine((d) => d <= new Date(Date.now() + 86_400_000).toISOString(), {
    message: 'The session date cannot be in the future.',
  }),
};

/**
 * POST /session-notes (a new draft) and PUT /session-notes/{noteId} (the draft's new content).
 * Sections may be empty in a draft; signing needs every one filled. `appointmentId` links the note
 * to the visit it records (one note per visit, by that visit's clinician); it is set when the note
 * is created and cannot be changed afterwards.
 */
export const SessionNoteInput = z
  .strictObject({
    ...noteFields,
    format: z.enum(SESSION_NOTE_FORMATS),
    body: z.union([DapBody, SoapBody]),
    appointmentId: Id.optional(),
  })
  .superRefine((note, ctx) => {
    if ((note.format === 'DAP') !== 'data' in note.body) {
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message: `The sections must be those of ${note.format}.`,
      });
    }
  });
export type SessionNoteInput = z.infer<typeof SessionNoteInput>;

/** POST /session-notes/{noteId}/addenda: a correction or addition to a signed note. */
export const AddendumInput = z.strictObject({
  body: freeText(10_000).refine((s) => s.trim().length > 0, { message: 'Required.' }),
});
export type AddendumInput = z.infer<typeof AddendumInput>;

/** POST /session-notes/{noteId}/withhold: hides a signed note from the patient, with the reason. */
export const WithholdInput = z.strictObject({
  reason: freeText(1_000).refine((s) => s.trim().length > 0, { message: 'Give the reason.' }),
});
export type WithholdInput = z.infer<typeof WithholdInput>;

export const SessionNoteListQuery = z.strictObject({ ...pagingFields });

export const SessionNoteParams = z.strictObject({ patientId: Id, noteId: Id });

const Author = Person(CLINICIAN_ROLES);

export const Addendum = z.object({
  id: Id,
  body: z.string(),
  author: Author,
  createdAt: IsoDateTime,
});
export type Addendum = z.infer<typeof Addendum>;

/** A session note as its viewer may see it (the withholding reason: clinicians only). */
export const SessionNote = z.object({
  id: Id,
  patientId: Id,
  kind: SessionNoteKind,
  format: z.enum(SESSION_NOTE_FORMATS),
  sessionDate: IsoDate,
  body: z.record(z.string(), z.string()),
  status: z.enum(SESSION_NOTE_STATUSES),
  signedAt: IsoDateTime.nullable(),
  withheld: z.object({ at: IsoDateTime, reason: z.string() }).nullable(),
  author: Author,
  addenda: z.array(Addendum),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type SessionNote = z.infer<typeof SessionNote>;

export const SessionNotePage = Page(SessionNote);
export type SessionNotePage = z.infer<typeof SessionNotePage>;
