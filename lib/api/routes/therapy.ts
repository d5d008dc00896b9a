// The before-session brief, session and psychotherapy notes, messages and the timeline (issue 5).
import type { ApiRoute } from '@/lib/api/registry';
import { Brief, BriefQuery } from '@/lib/schemas/brief';
import { Message, MessageInput, MessageListQuery, MessagePage } from '@/lib/schemas/messages';
import { PatientParams } from '@/lib/schemas/patients';
import {
  PsychotherapyNote,
  PsychotherapyNoteInput,
  PsychotherapyNoteListQuery,
  PsychotherapyNotePage,
} from '@/lib/schemas/psychotherapy-notes';
import {
  Addendum,
  AddendumInput,
  SessionNote,
  SessionNoteInput,
  SessionNoteListQuery,
  SessionNotePage,
  SessionNoteParams,
  WithholdInput,
} from '@/lib/schemas/session-notes';
import { TimelinePage, TimelineQuery } from '@/lib/schemas/timeline';

const team =
  'Clinicians on the patient’s active care team; the patient and admins get 403, anyone else 404.';
const notes = '/api/v1/patients/{patientId}/session-notes';
const author =
  'The note’s author (a clinician on the active care team). Another clinician on the team gets 403 on a signed note and 404 on a draft; the patient and admins 403; anyone else 404.';

export const therapyRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/brief',
    tag: 'Brief',
    summary:
      'The before-session brief: medication changes, side effects, check-ins against the period before, PHQ-9/GAD-7 against previous and baseline, plan changes, care-team messages and open safety flags since `since` (default: the viewer’s last signed note for this patient, else 30 days)',
    who: team,
    params: PatientParams,
    query: BriefQuery,
    success: { status: 200, description: 'The brief.', schema: Brief },
    problems: [400, 403, 404],
  },
  {
    method: 'GET',
    path: notes,
    tag: 'Session notes',
    summary:
      'Session notes, newest session first: signed notes, and the viewer’s own drafts (the patient: signed notes not withheld)',
    who: 'The patient and clinicians on their active care team; admins get 403, anyone else 404.',
    params: PatientParams,
    query: SessionNoteListQuery,
    success: { status: 200, description: 'A page of notes.', schema: SessionNotePage },
    problems: [400, 403, 404],
  },
  {
    method: 'POST',
    path: notes,
    idempotent: true,
    tag: 'Session notes',
    summary: 'Start a draft note (DAP or SOAP sections), visible to its author alone until signed',
    who: team,
    params: PatientParams,
    body: SessionNoteInput,
    success: { status: 201, description: 'The draft.', schema: SessionNote },
    problems: [400, 403, 404, 413, 415],
  },
  {
    method: 'GET',
    path: `${notes}/{noteId}`,
    tag: 'Session notes',
    summary: 'One session note with its addenda',
    who: 'Whoever may list it (a draft: its author only); anyone else 404.',
    params: SessionNoteParams,
    success: { status: 200, description: 'The note.', schema: SessionNote },
    problems: [403, 404],
  },
  {
    method: 'PUT',
    path: `${notes}/{noteId}`,
    tag: 'Session notes',
    summary: 'Replace a draft’s content; 409 once the note is signed (add an addendum instead)',
    who: author,
    params: SessionNoteParams,
    body: SessionNoteInput,
    success: { status: 200, description: 'The updated draft.', schema: SessionNote },
    problems: [400, 403, 404, 409, 413, 415],
  },
  {
    method: 'POST',
    path: `${notes}/{noteId}/sign`,
    tag: 'Session notes',
    summary:
      'Sign a draft: it becomes immutable and readable by the care team (and the patient unless withheld); 409 when already signed or a section is empty',
    who: author,
    params: SessionNoteParams,
    success: { status: 200, description: 'The signed note.', schema: SessionNote },
    problems: [403, 404, 409],
  },
  {
    method: 'POST',
    path: `${notes}/{noteId}/addenda`,
    idempotent: true,
    tag: 'Session notes',
    summary: 'Append an addendum to a signed note (409 on a draft)',
    who: author,
    params: SessionNoteParams,
    body: AddendumInput,
    success: { status: 201, description: 'The addendum.', schema: Addendum },
    problems: [400, 403, 404, 409, 413, 415],
  },
  {
    method: 'POST',
    path: `${notes}/{noteId}/withhold`,
    tag: 'Session notes',
    summary:
      'Withhold a signed note from the patient, with the reason (the care team still reads it); 409 on a draft or a note already withheld',
    who: author,
    params: SessionNoteParams,
    body: WithholdInput,
    success: { status: 200, description: 'The withheld note.', schema: SessionNote },
    problems: [400, 403, 404, 409, 413, 415],
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/psychotherapy-notes',
    tag: 'Psychotherapy notes',
    summary:
      'The viewer’s own psychotherapy notes for the patient, newest first (HIPAA 45 CFR 164.501: never anyone else’s)',
    who: 'Therapists on the patient’s active care team (their own notes only); the patient, prescribers and admins get 403, anyone else 404.',
    params: PatientParams,
    query: PsychotherapyNoteListQuery,
    success: { status: 200, description: 'A page of notes.', schema: PsychotherapyNotePage },
    problems: [400, 403, 404],
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/psychotherapy-notes',
    idempotent: true,
    tag: 'Psychotherapy notes',
    summary: 'Record a psychotherapy note, readable by its author alone',
    who: 'Therapists on the patient’s active care team; the patient, prescribers and admins get 403, anyone else 404.',
    params: PatientParams,
    body: PsychotherapyNoteInput,
    success: { status: 201, description: 'The note.', schema: PsychotherapyNote },
    problems: [400, 403, 404, 413, 415],
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/messages',
    tag: 'Messages',
    summary: 'The care-team thread: the newest page, newest last; `cursor` pages back in time',
    who: team,
    params: PatientParams,
    query: MessageListQuery,
    success: { status: 200, description: 'A page of messages.', schema: MessagePage },
    problems: [400, 403, 404],
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/messages',
    idempotent: true,
    tag: 'Messages',
    summary: 'Post a message to the care-team thread',
    who: team,
    params: PatientParams,
    body: MessageInput,
    success: { status: 201, description: 'The message.', schema: Message },
    problems: [400, 403, 404, 413, 415],
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/timeline',
    tag: 'Timeline',
    summary:
      'Everything in time order, newest first, filtered by what the viewer may see (the patient: no drafts, withheld notes, messages or notes for the care team; nobody: psychotherapy notes)',
    who: 'The patient and clinicians on their active care team; admins get 403, anyone else 404.',
    params: PatientParams,
    query: TimelineQuery,
    success: { status: 200, description: 'A page of events.', schema: TimelinePage },
    problems: [400, 403, 404],
  },
];
