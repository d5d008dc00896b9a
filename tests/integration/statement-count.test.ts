// At most five SQL statements for a single-patient read, the session check and the audit write
// included (issue 15; docs/decisions/029-statements-per-read.md). Every GET of the API under
// /api/v1/patients/{patientId} is walked, so a new read joins the count by existing.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '@/lib/api/registry';
import { db } from '@/lib/db';
import {
  addTreatmentPlanVersion,
  createAppointment,
  createAssessment,
  createCareTeam,
  createCheckIns,
  createContact,
  createPsychotherapyNote,
  createSafetyPlanVersion,
  createSessionNote,
  createTreatmentPlan,
  createUser,
  daysFromToday,
  recordMedicationChanges,
  type CareTeam,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';
import { countStatements } from '@/tests/support/statements';

const SINGLE_READ_BUDGET = 5;

/**
 * The reads that gather many kinds of record for one view, with their own budgets: each kind is
 * one indexed, bounded query, run concurrently on the pool (no transaction holds them to one
 * connection). Lowering one is welcome; raising one is a decision, not a slip.
 */
const AGGREGATE_BUDGETS: Record<string, number> = {
  '/api/v1/patients/{patientId}/brief': 13,
  '/api/v1/patients/{patientId}/timeline': 14,
  // The plan with progress toward each measurable goal, the acknowledgement, open review
  // requests and the care team.
  '/api/v1/patients/{patientId}/treatment-plan': 9,
  // The list, and when each questionnaire is next due on the plan's interval.
  '/api/v1/patients/{patientId}/assessments': 6,
  // The whole record (patient, team, plan, safety plan, regimen, changes, notes, check-ins,
  // questionnaires), each one bounded query (docs/decisions/032-record-export.md).
  '/api/v1/patients/{patientId}/export/pdf': 12,
  '/api/v1/patients/{patientId}/export/fhir': 12,
};

/** The query a read needs to answer 200. */
const QUERIES: Record<string, Record<string, string>> = {
  '/api/v1/patients/{patientId}/treatment-plan/diff': { from: '1', to: '2' },
};

const PATIENT_READS = apiRoutes
  .filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/patients/{patientId}'))
  .map((r) => r.path);

type Fixture = CareTeam & { params: Record<string, string>; cookies: string[] };

/** A patient with a history of every kind: a plan, medications, check-ins, notes, a visit. */
async function patientWithHistory(): Promise<Fixture> {
  const team = await createCareTeam(db, { passwordHash: null });
  const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
  const { patient, prescriber, therapist } = team;
  const { plan } = await createTreatmentPlan(db, patient, therapist, { prescriber, therapist });
  await addTreatmentPlanVersion(db, plan, prescriber, { changeSummary: 'Review at week 8.' });
  await recordMedicationChanges(db, patient, prescriber, [
    { action: 'START', medication: 'Sertraline', dose: 50, effectiveDate: daysFromToday(-60) },
    { action: 'INCREASE', medication: 'Sertraline', dose: 100, effectiveDate: daysFromToday(-30) },
  ]);
  await createCheckIns(
    db,
    patient,
    Array.from({ length: 10 }, (_, d) => ({ localDate: daysFromToday(-d - 1), mood: 5 })),
  );
  await createAssessment(db, patient, { instrument: 'PHQ9', completedAt: daysFromToday(-3) });
  await createAssessment(db, patient, { instrument: 'GAD7', completedAt: daysFromToday(-3) });
  const note = await createSessionNote(db, patient, therapist, {
    status: 'SIGNED',
    sessionDate: daysFromToday(-7),
  });
  await createPsychotherapyNote(db, patient, therapist);
  await createSafetyPlanVersion(db, patient, therapist);
  await createContact(db, patient, patient.account);
  const { ids } = await createAppointment(db, patient, {
    clinician: therapist,
    bookedBy: therapist,
    startsAt: daysFromToday(2),
    durationMinutes: 50,
    kind: 'THERAPY',
    modality: 'IN_PERSON',
  });
  const cookies = await Promise.all(
    [therapist, prescriber, patient, admin].map((s) => sessionCookie(s)),
  );
  return {
    ...team,
    cookies,
    params: {
      patientId: patient.id,
      noteId: note.id,
      version: '1',
      appointmentId: ids[0]!,
    },
  };
}

/** The first of the viewers who may read `path` (200), with the statements of a warm request. */
async function countedRead(fixture: Fixture, path: string) {
  for (const cookie of fixture.cookies) {
    const call = {
      method: 'GET' as const,
      path,
      params: fixture.params,
      query: QUERIES[path],
      cookie,
    };
    if ((await callApi(call)).status !== 200) continue;
    const { result, statements } = await countStatements(() => callApi(call));
    return { status: result.status, statements };
  }
  return { status: 0, statements: [] };
}

describe('statements per single-patient read', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await patientWithHistory();
  });

  it('walks every patient read of the API', () => {
    expect(PATIENT_READS.length).toBeGreaterThan(15);
    for (const path of Object.keys(AGGREGATE_BUDGETS)) expect(PATIENT_READS).toContain(path);
  });

  it.each(PATIENT_READS)('%s: within its budget, the audit event written', async (path) => {
    const { status, statements } = await countedRead(fixture, path);
    expect(status, `no viewer could read ${path}`).toBe(200);
    const budget = AGGREGATE_BUDGETS[path] ?? SINGLE_READ_BUDGET;
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(budget);
    expect(
      statements.filter((s) => s.startsWith('INSERT INTO "public"."AuditEvent"')),
    ).toHaveLength(1);
    expect(statements).not.toContain('BEGIN');
  });
});
