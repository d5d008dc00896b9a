// Matrix rows of the safety-plan API. One row per route and method; see tests/support/matrix.ts.
import { db } from '@/lib/db';
import { SAMPLE_SAFETY_PLAN, createSafetyPlanVersion } from '@/tests/factories';
import { readers, type Row, type World } from '@/tests/support/matrix';

const BASE = '/api/v1/patients/{patientId}/safety-plan';

/** The team's safety plan's current version, written at version 1 the first time a row needs it. */
async function currentVersion(w: World): Promise<number> {
  const found = await db.safetyPlan.findFirst({ where: { patientId: w.team.patient.id } });
  if (found && found.currentVersion > 0) return found.currentVersion;
  return (await createSafetyPlanVersion(db, w.team.patient, w.team.therapist)).version;
}

/** The patient and the therapists on the team write it; prescribers and admins 403. */
const editors = (status: number) => ({ ...readers(status), prescriberOnTeam: 403 });

export const safetyPlanRows: Row[] = [
  { method: 'GET', path: BASE, expect: readers(200) },
  {
    method: 'PUT',
    path: BASE,
    call: async (w) => ({
      body: { ...SAMPLE_SAFETY_PLAN, changeNote: 'Added a helper.' },
      headers: { 'If-Match': `"${await currentVersion(w)}"` },
    }),
    expect: editors(200),
  },
  {
    method: 'GET',
    path: `${BASE}/versions`,
    call: async (w) => {
      await currentVersion(w);
      return {};
    },
    expect: readers(200),
  },
];
