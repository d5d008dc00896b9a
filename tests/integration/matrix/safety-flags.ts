// Matrix rows of the safety-flag API. Each cell acts on a fresh flag of the team's patient, so a
// step one caller took does not change what the next caller finds.
import { db } from '@/lib/db';
import { acknowledgeSafetyFlagTx } from '@/lib/data/safety-flags/lifecycle';
import { raiseSafetyFlagTx } from '@/lib/data/safety-flags/raise';
import { careTeamOnly as team, readers, type Row, type World } from '@/tests/support/matrix';

const FLAGS = '/api/v1/patients/{patientId}/safety-flags';

async function freshFlag(w: World, acknowledged = false) {
  const patient = w.team.patient;
  const flag = await raiseSafetyFlagTx(db, patient, {
    source: 'PHQ9_ITEM9',
    urgency: 'URGENT',
    reason: 'Matrix flag.',
  });
  if (acknowledged) await acknowledgeSafetyFlagTx(db, w.team.therapist, patient, flag.id);
  return flag.id;
}

export const safetyFlagRows: Row[] = [
  { method: 'GET', path: FLAGS, expect: readers(200) },
  {
    method: 'POST',
    path: FLAGS,
    call: async () => ({ body: { urgency: 'HIGH', reason: 'Matrix concern.' } }),
    expect: team(201),
  },
  {
    method: 'POST',
    path: `${FLAGS}/{flagId}/acknowledge`,
    call: async (w) => ({ params: { flagId: await freshFlag(w) } }),
    expect: team(200),
  },
  {
    method: 'POST',
    path: `${FLAGS}/{flagId}/resolve`,
    call: async (w) => ({
      params: { flagId: await freshFlag(w, true) },
      body: { outcome: 'CONTACTED_PATIENT', note: 'Called; safe at home.' },
    }),
    expect: team(200),
  },
];
