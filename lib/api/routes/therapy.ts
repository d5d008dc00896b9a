// The before-session brief, session and psychotherapy notes, messages and the timeline.
import { defineRoute } from '@/lib/api/define-route';
import { getBrief } from '@/lib/data/brief';
import { listMessages, postMessage } from '@/lib/data/messages';
import { createPsychotherapyNote, listPsychotherapyNotes } from '@/lib/data/psychotherapy-notes';
import {
  addAddendum,
  createSessionNote,
  getSessionNote,
  listSessionNotes,
  signSessionNote,
  updateSessionNote,
  withholdSessionNote,
} from '@/lib/data/session-notes';
import { getTimeline } from '@/lib/data/timeline';
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

const TEAM =
  'Clinicians on the patient’s active care team; the patient and admins get 403, anyone else 404.';
const READERS =
  'The patient and clinicians on their active care team; admins get 403, anyone else 404.';
const THERAPISTS =
  'Therapists on the patient’s active care team; the patient, prescribers and admins get 403, anyone else 404.';
const NOTES = '/api/v1/patients/{patientId}/session-notes';
/** A session note's author acting on it (a draft, or a signed note). */
const author = {
  tag: 'Session notes',
  who: 'The note’s author (a clinician on the active care team). Another clinician on the team gets 403 on a signed note and 404 on a draft; the patient and admins 403; anyone else 404.',
  permission: 'sessionNote.write',
  params: SessionNoteParams,
} as const;
const onPatient = { params: PatientParams } as const;
const notes = { ...onPatient, tag: 'Session notes' } as const;
const processNotes = { ...onPatient, tag: 'Psychotherapy notes', who: THERAPISTS } as const;
const thread = { ...onPatient, tag: 'Messages', who: TEAM } as const;

export const therapyRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/patients/{patientId}/brief',
    ...onPatient,
    tag: 'Brief',
    summary:
      'The before-session brief: medication changes, side effects, check-ins against the period before, PHQ-9/GAD-7 against previous and baseline, plan changes, care-team messages and open safety flags since `since` (default: the viewer’s last signed note for this patient, else 30 days)',
    who: TEAM,
    permission: 'brief.read',
    query: BriefQuery,
    success: { status: 200, description: 'The brief.', schema: Brief },
    handler: ({ viewer, params, query }) => getBrief(viewer, params.patientId, query),
  }),
  defineRoute({
    method: 'GET',
    path: NOTES,
    ...notes,
    summary:
      'Session notes, newest session first: signed notes, and the viewer’s own drafts (the patient: signed notes not withheld)',
    who: READERS,
    permission: 'sessionNote.read',
    query: SessionNoteListQuery,
    success: { status: 200, description: 'A page of notes.', schema: SessionNotePage },
    handler: ({ viewer, params, query }) => listSessionNotes(viewer, params.patientId, query),
  }),
  defineRoute({
    method: 'POST',
    path: NOTES,
    idempotent: true,
    ...notes,
    summary: 'Start a draft note (DAP or SOAP sections), visible to its author alone until signed',
    who: TEAM,
    permission: 'sessionNote.write',
    body: SessionNoteInput,
    success: { status: 201, description: 'The draft.', schema: SessionNote },
    handler: ({ viewer, params, body, idempotency }) =>
      createSessionNote(viewer, params.patientId, body, idempotency),
  }),
  defineRoute({
    method: 'GET',
    path: `${NOTES}/{noteId}`,
    ...author,
    summary: 'One session note with its addenda',
    who: 'Whoever may list it (a draft: its author only); anyone else 404.',
    permission: 'sessionNote.read',
    success: { status: 200, description: 'The note.', schema: SessionNote },
    handler: ({ viewer, params }) => getSessionNote(viewer, params.patientId, params.noteId),
  }),
  defineRoute({
    method: 'PUT',
    path: `${NOTES}/{noteId}`,
    ...author,
    summary: 'Replace a draft’s content; 409 once the note is signed (add an addendum instead)',
    body: SessionNoteInput,
    success: { status: 200, description: 'The updated draft.', schema: SessionNote },
    problems: [409],
    handler: ({ viewer, params, body }) =>
      updateSessionNote(viewer, params.patientId, params.noteId, body),
  }),
  defineRoute({
    method: 'POST',
    path: `${NOTES}/{noteId}/sign`,
    ...author,
    summary:
      'Sign a draft: it becomes immutable and readable by the care team (and the patient unless withheld); 409 when already signed or a section is empty',
    success: { status: 200, description: 'The signed note.', schema: SessionNote },
    problems: [409],
    handler: ({ viewer, params }) => signSessionNote(viewer, params.patientId, params.noteId),
  }),
  defineRoute({
    method: 'POST',
    path: `${NOTES}/{noteId}/addenda`,
    idempotent: true,
    ...author,
    summary: 'Append an addendum to a signed note (409 on a draft)',
    body: AddendumInput,
    success: { status: 201, description: 'The addendum.', schema: Addendum },
    problems: [409],
    handler: ({ viewer, params, body, idempotency }) =>
      addAddendum(viewer, params.patientId, params.noteId, body, idempotency),
  }),
  defineRoute({
    method: 'POST',
    path: `${NOTES}/{noteId}/withhold`,
    ...author,
    summary:
      'Withhold a signed note from the patient, with the reason (the care team still reads it); 409 on a draft or a note already withheld',
    body: WithholdInput,
    success: { status: 200, description: 'The withheld note.', schema: SessionNote },
    problems: [409],
    handler: ({ viewer, params, body }) =>
      withholdSessionNote(viewer, params.patientId, params.noteId, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/patients/{patientId}/psychotherapy-notes',
    ...processNotes,
    summary:
      'The viewer’s own psychotherapy notes for the patient, newest first (HIPAA 45 CFR 164.501: never anyone else’s)',
    who: THERAPISTS.replace('active care team', 'active care team (their own notes only)'),
    permission: 'psychotherapyNote.readOwn',
    query: PsychotherapyNoteListQuery,
    success: { status: 200, description: 'A page of notes.', schema: PsychotherapyNotePage },
    handler: ({ viewer, params, query }) => listPsychotherapyNotes(viewer, params.patientId, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/patients/{patientId}/psychotherapy-notes',
    idempotent: true,
    ...processNotes,
    summary: 'Record a psychotherapy note, readable by its author alone',
    permission: 'psychotherapyNote.write',
    body: PsychotherapyNoteInput,
    success: { status: 201, description: 'The note.', schema: PsychotherapyNote },
    handler: ({ viewer, params, body, idempotency }) =>
      createPsychotherapyNote(viewer, params.patientId, body, idempotency),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/patients/{patientId}/messages',
    ...thread,
    summary: 'The care-team thread: the newest page, newest last; `cursor` pages back in time',
    permission: 'message.read',
    query: MessageListQuery,
    success: { status: 200, description: 'A page of messages.', schema: MessagePage },
    handler: ({ viewer, params, query }) => listMessages(viewer, params.patientId, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/patients/{patientId}/messages',
    idempotent: true,
    ...thread,
    summary: 'Post a message to the care-team thread',
    permission: 'message.write',
    body: MessageInput,
    success: { status: 201, description: 'The message.', schema: Message },
    handler: ({ viewer, params, body, idempotency }) =>
      postMessage(viewer, params.patientId, body, idempotency),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/patients/{patientId}/timeline',
    ...onPatient,
    tag: 'Timeline',
    summary:
      'Everything in time order, newest first, filtered by what the viewer may see (the patient: no drafts, withheld notes, messages or notes for the care team; nobody: psychotherapy notes)',
    who: READERS,
    permission: 'timeline.read',
    query: TimelineQuery,
    success: { status: 200, description: 'A page of events.', schema: TimelinePage },
    handler: ({ viewer, params, query }) => getTimeline(viewer, params.patientId, query),
  }),
] as const;
