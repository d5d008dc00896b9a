// Matrix rows of the therapy API. One row per route and method; see tests/support/matrix.ts.
import { db } from '@/lib/db';
import { toIsoDate } from '@/lib/format';
import { createSessionNote } from '@/tests/factories';
import { careTeamOnly as team, readers, type Row, type World } from '@/tests/support/matrix';

/** Only the note's author (the team's therapist) may; the other clinician gets `other`. */
const authorOnly = (status: number, other: number) => ({
  ...readers(403),
  prescriberOnTeam: other,
  therapistOnTeam: status,
});

const dap = { data: 'Matrix data.', assessment: 'Matrix assessment.', plan: 'Matrix plan.' };
const noteBody = { kind: 'THERAPY', format: 'DAP', sessionDate: toIsoDate(new Date()), body: dap };

const therapistNote = async (w: World, status: 'DRAFT' | 'SIGNED') => {
  const note = await createSessionNote(db, w.team.patient, w.team.therapist, {
    status,
    body: dap,
  });
  return { params: { noteId: note.id } };
};

const notes = '/api/v1/patients/{patientId}/session-notes';

export const therapyRows: Row[] = [
  { method: 'GET', path: '/api/v1/patients/{patientId}/brief', expect: team(200) },
  { method: 'GET', path: notes, expect: readers(200) },
  { method: 'POST', path: notes, call: async () => ({ body: noteBody }), expect: team(201) },
  {
    method: 'GET',
    path: `${notes}/{noteId}`,
    call: (w) => therapistNote(w, 'SIGNED'),
    expect: readers(200),
  },
  {
    method: 'PUT',
    path: `${notes}/{noteId}`,
    call: async (w) => ({ ...(await therapistNote(w, 'DRAFT')), body: noteBody }),
    expect: authorOnly(200, 404),
  },
  {
    method: 'POST',
    path: `${notes}/{noteId}/sign`,
    call: (w) => therapistNote(w, 'DRAFT'),
    expect: authorOnly(200, 404),
  },
  {
    method: 'POST',
    path: `${notes}/{noteId}/addenda`,
    call: async (w) => ({ ...(await therapistNote(w, 'SIGNED')), body: { body: 'Addendum.' } }),
    expect: authorOnly(201, 403),
  },
  {
    method: 'POST',
    path: `${notes}/{noteId}/withhold`,
    call: async (w) => ({
      ...(await therapistNote(w, 'SIGNED')),
      body: { reason: 'Clinical judgement.' },
    }),
    expect: authorOnly(200, 403),
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/psychotherapy-notes',
    expect: authorOnly(200, 403),
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/psychotherapy-notes',
    call: async () => ({ body: { body: 'Process note.' } }),
    expect: authorOnly(201, 403),
  },
  { method: 'GET', path: '/api/v1/patients/{patientId}/messages', expect: team(200) },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/messages',
    call: async () => ({ body: { body: 'Matrix message.' } }),
    expect: team(201),
  },
  { method: 'GET', path: '/api/v1/patients/{patientId}/timeline', expect: readers(200) },
];
