// The patient takes their record away (issue 17): the FHIR Bundle validates resource by resource
// with @medplum/core's R4 validator, the PDF's extracted text holds the plan's goals and the
// current regimen with the name and date of birth on every page, nothing the patient may not read
// is in either, and each download shows in "who viewed my record".
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, DocumentReference } from '@medplum/fhirtypes';
import { db, type Tx } from '@/lib/db';
import { listAccessLog } from '@/lib/data/access-log';
import { listAccessLogVisits } from '@/lib/data/access-log-visits';
import { recordAccess } from '@/lib/data/audit';
import { readRecordTx } from '@/lib/data/record-export/read';
import { recordToFhirBundle } from '@/lib/record-export/fhir';
import { PrismaClient } from '@/prisma/generated/client';
import { seedDemo } from '@/prisma/seed';
import {
  createAssessment,
  createCareTeam,
  createCheckIns,
  createPsychotherapyNote,
  createSafetyPlanVersion,
  createSessionNote,
  createTreatmentPlan,
  daysFromToday,
  recordMedicationChanges,
  viewerFor,
  type CareTeam,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';
import { bundleErrors, fhirErrors } from '@/tests/support/fhir-validate';
import { ownDatabase, type TestDatabase } from '@/tests/support/test-database';

const PSYNOTE = `PSYNOTE-${randomUUID()}`;
const TEAM_NOTE = `TEAMNOTE-${randomUUID()}`;
const WITHHELD = `WITHHELD-${randomUUID()}`;

async function patientWithRecord(): Promise<CareTeam> {
  const team = await createCareTeam(db, { passwordHash: null });
  const { patient, prescriber, therapist } = team;
  await createTreatmentPlan(db, patient, therapist, { prescriber, therapist });
  await recordMedicationChanges(db, patient, prescriber, [
    {
      action: 'START',
      medication: 'Sertraline',
      dose: 50,
      effectiveDate: daysFromToday(-60),
      noteForCareTeam: TEAM_NOTE,
    },
    { action: 'INCREASE', medication: 'Sertraline', dose: 100, effectiveDate: daysFromToday(-30) },
    { action: 'START', medication: 'Trazodone', dose: 25, effectiveDate: daysFromToday(-20) },
    { action: 'STOP', medication: 'Trazodone', effectiveDate: daysFromToday(-5) },
  ]);
  await createCheckIns(
    db,
    patient,
    Array.from({ length: 12 }, (_, d) => ({ localDate: daysFromToday(-d - 1), mood: 6 })),
  );
  await createAssessment(db, patient, { instrument: 'PHQ9', completedAt: daysFromToday(-3) });
  await createAssessment(db, patient, { instrument: 'GAD7', completedAt: daysFromToday(-3) });
  await createSessionNote(db, patient, therapist, {
    status: 'SIGNED',
    sessionDate: daysFromToday(-7),
  });
  await createSessionNote(db, patient, therapist, {
    status: 'SIGNED',
    sessionDate: daysFromToday(-6),
    body: { data: WITHHELD, assessment: 'a', plan: 'p' },
    withheldAt: daysFromToday(-6),
    withheldReason: 'Harm to others.',
  });
  await createPsychotherapyNote(db, patient, therapist, { body: `Process: ${PSYNOTE}` });
  await createSafetyPlanVersion(db, patient, therapist);
  return team;
}

const decoded = (bundle: Bundle) =>
  (bundle.entry ?? [])
    .filter((e) => e.resource?.resourceType === 'DocumentReference')
    .map((e) =>
      Buffer.from(
        (e.resource as DocumentReference).content[0]!.attachment.data!,
        'base64',
      ).toString('utf8'),
    )
    .join('\n');

describe('the record export', () => {
  let team: CareTeam;
  let cookie: string;
  beforeAll(async () => {
    team = await patientWithRecord();
    cookie = await sessionCookie(team.patient);
  });

  it('the validator finds errors where they are, so a clean result means something', () => {
    expect(fhirErrors({ resourceType: 'Observation', status: 'final' } as never)).not.toEqual([]);
  });

  it('answers a FHIR R4 Bundle whose every resource validates, with no note the patient may not read', async () => {
    const result = await callApi({
      method: 'GET',
      path: '/api/v1/patients/{patientId}/export/fhir',
      params: { patientId: team.patient.id },
      cookie,
    });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toContain('application/fhir+json');
    expect(result.headers.get('content-disposition')).toMatch(
      /^attachment; filename="triad-record-.+\.json"$/,
    );
    const bundle = result.body as Bundle;
    expect(bundleErrors(bundle)).toEqual([]);
    const types = (bundle.entry ?? []).map((e) => e.resource!.resourceType);
    for (const type of [
      'Patient',
      'MedicationStatement',
      'MedicationRequest',
      'Observation',
      'CarePlan',
      'Goal',
      'DocumentReference',
    ]) {
      expect(types).toContain(type);
    }
    expect(types.filter((t) => t === 'MedicationRequest')).toHaveLength(4);
    expect(types.filter((t) => t === 'DocumentReference')).toHaveLength(1);
    expect(result.text).toContain('"44261-6"');
    expect(result.text).toContain('"70274-6"');
    const everything = result.text + decoded(bundle);
    for (const secret of [PSYNOTE, TEAM_NOTE, WITHHELD, 'Harm to others.'])
      expect(everything).not.toContain(secret);
  });

  it('answers a PDF whose text holds the goals and the regimen, the name and date of birth on every page', async () => {
    const result = await callApi({
      method: 'GET',
      path: '/api/v1/patients/{patientId}/export/pdf',
      params: { patientId: team.patient.id },
      cookie,
    });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/pdf');
    const text = result.text;
    const plan = await db.treatmentPlanVersion.findFirstOrThrow({
      where: { patientId: team.patient.id },
      include: { goals: true },
    });
    expect(plan.goals.length).toBeGreaterThan(0);
    for (const goal of plan.goals) expect(text.replace(/\s+/g, ' ')).toContain(goal.description);
    expect(text).toMatch(/Sertraline 100 mg/);
    expect(text).not.toMatch(/• Trazodone/);
    const dob = team.patient.dateOfBirth.toISOString().slice(0, 10);
    const pages = text.split(/-- \d+ of \d+ --/).filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain(`${team.patient.account.name} · born ${dob}`);
    for (const secret of [PSYNOTE, TEAM_NOTE, WITHHELD]) expect(text).not.toContain(secret);
  });

  it('shows each download in who viewed my record', async () => {
    const log = await listAccessLog(viewerFor(team.patient), team.patient.id);
    const summaries = log.items.map((e) => e.summary);
    expect(summaries).toContain('You downloaded your record as a PDF.');
    expect(summaries).toContain('You downloaded your record as a FHIR file (for another clinic).');
  });

  it('shows the downloads as the patient’s own visit, their own views left out', async () => {
    await db.$transaction((t) =>
      recordAccess(t, viewerFor(team.patient), 'read', 'medication', { patientId: team.patient.id }),
    );
    const { items } = await listAccessLogVisits(viewerFor(team.patient), team.patient.id);
    const own = items.filter((v) => v.byPatient);
    expect(own).toHaveLength(1);
    expect(own[0]!.who).toBe('You');
    expect(own[0]!.did).toContain('downloaded your record as a PDF');
    expect(own[0]!.did).toContain('downloaded your record as a FHIR file (for another clinic)');
    expect(own[0]!.did).not.toContain('looked at');
    expect(own[0]!.events.every((e) => e.did.startsWith('downloaded'))).toBe(true);
  });
});

describe('the demo patients’ FHIR exports', () => {
  let database: TestDatabase;
  let client: PrismaClient;
  beforeAll(async () => {
    database = await ownDatabase('export');
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    await seedDemo(client);
  }, 180_000);
  afterAll(async () => {
    await client?.$disconnect();
    await database?.drop();
  });

  it('validate with no error for every demo patient', async () => {
    const patients = await client.patient.findMany({ include: { account: true } });
    expect(patients.length).toBeGreaterThanOrEqual(4);
    const results: Record<string, { resources: number; errors: string[] }> = {};
    for (const patient of patients) {
      const viewer = viewerFor({ ...patient, account: patient.account } as never);
      const record = await readRecordTx(client as unknown as Tx, viewer, {
        id: patient.id,
        organizationId: patient.organizationId,
      });
      const bundle = recordToFhirBundle(record);
      results[patient.account.name] = {
        resources: bundle.entry?.length ?? 0,
        errors: bundleErrors(bundle),
      };
    }
    console.info(
      'demo FHIR exports:',
      JSON.stringify(
        Object.fromEntries(
          Object.entries(results).map(([n, r]) => [
            n,
            `${r.resources} resources, ${r.errors.length} errors`,
          ]),
        ),
      ),
    );
    for (const [name, r] of Object.entries(results)) {
      expect(r.errors, name).toEqual([]);
      expect(r.resources, name).toBeGreaterThan(1);
    }
  }, 120_000);
});
