import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { listAccessLog } from '@/lib/data/access-log';
import { CASELOAD_PAGE_SIZE, listCaseload } from '@/lib/data/caseload';
import { ForbiddenError } from '@/lib/errors';
import { toIsoDate } from '@/lib/format';
import * as factories from '@/tests/factories';
import { readEvents } from '@/tests/support/audit';
import { atHour, daysFromToday } from '@/tests/factories';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every SQL statement sent to Postgres while `run` executes (the real driver, only observed). */
async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  return (await statementsWithValuesDuring(run)).map((s) => s.text);
}

/** As statementsDuring, with each statement's parameters. */
async function statementsWithValuesDuring(
  run: () => Promise<unknown>,
): Promise<{ text: string; values: unknown[] }[]> {
  const statements: { text: string; values: unknown[] }[] = [];
  const query = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const [config] = args;
    statements.push(
      typeof config === 'string'
        ? { text: config, values: (args[1] as unknown[]) ?? [] }
        : {
            text: String((config as pg.QueryConfig).text),
            values: (config as pg.QueryConfig).values ?? [],
          },
    );
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query);
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return statements;
}

/** A PHQ-9 with these answers, completed at 10:00 `day` days from today. */
function answeredAtTen(patient: factories.PatientRef, answers: number[], day: number) {
  return factories.createAssessment(db, patient, {
    answers,
    completedAt: atHour(daysFromToday(day), 10),
  });
}

describe('listCaseload', () => {
  it('lists only the patients of the clinician’s active care teams, in their organization', async () => {
    const team = await factories.createCareTeam(db);
    const { organization, prescriber } = team;
    const ended = await factories.createPatient(db, organization, { name: 'Aaron Ended' });
    await factories.addToCareTeam(db, ended, prescriber, {
      startedAt: daysFromToday(-60),
      endedAt: daysFromToday(-30),
    });
    const colleague = await factories.createUser(db, organization, { role: 'PRESCRIBER' });
    const colleaguesPatient = await factories.createPatient(db, organization, {
      name: 'Abby Colleague',
    });
    await factories.addToCareTeam(db, colleaguesPatient, colleague);

    // A membership row pointing across organizations must still not leak the other tenant.
    const elsewhere = await factories.createOrganization(db);
    const foreignPatient = await factories.createPatient(db, elsewhere, {
      name: 'Aaron Elsewhere',
    });
    await factories.addToCareTeam(db, foreignPatient, prescriber);

    const caseload = await listCaseload(factories.viewerFor(prescriber));
    expect(caseload.patients.map((p) => p.id)).toEqual([team.patient.id]);
    expect(caseload.total).toBe(1);
    expect(caseload.patients[0]).toMatchObject({
      name: team.patient.account.name,
      dateOfBirth: toIsoDate(team.patient.dateOfBirth),
    });

    const therapistView = await listCaseload(factories.viewerFor(team.therapist));
    expect(therapistView.patients.map((p) => p.id)).toEqual([team.patient.id]);
  });

  it('shows the newest check-in and the newest PHQ-9 (not a GAD-7), or nothing yet', async () => {
    const team = await factories.createCareTeam(db);
    const { organization, prescriber, patient } = team;
    const quiet = await factories.createPatient(db, organization);
    await factories.addToCareTeam(db, quiet, prescriber);

    await factories.createCheckIns(db, patient, [
      { localDate: daysFromToday(-10) },
      { localDate: daysFromToday(-3) },
      { localDate: daysFromToday(-5) },
    ]);
    await answeredAtTen(patient, [3, 3, 3, 2, 2, 2, 2, 1, 0], -20);
    await answeredAtTen(patient, [1, 1, 1, 1, 1, 1, 1, 1, 0], -4);
    await factories.createAssessment(db, patient, {
      instrument: 'GAD7',
      answers: [3, 3, 3, 3, 3, 3, 3],
      completedAt: atHour(daysFromToday(-1), 10),
    });

    const caseload = await listCaseload(factories.viewerFor(prescriber));
    const byId = new Map(caseload.patients.map((p) => [p.id, p]));
    expect(byId.get(patient.id)).toMatchObject({
      lastCheckInDate: toIsoDate(daysFromToday(-3)),
      latestPhq9: {
        score: 8,
        severity: 'mild',
        completedAt: atHour(daysFromToday(-4), 10).toISOString(),
      },
    });
    expect(byId.get(quiet.id)).toMatchObject({ lastCheckInDate: null, latestPhq9: null });
    // Plain data for the client: no Date or Decimal objects.
    expect(JSON.parse(JSON.stringify(caseload))).toEqual(caseload);
  });

  it('runs the same number of SQL statements for one patient as for many', async () => {
    async function caseloadOf(size: number) {
      const organization = await factories.createOrganization(db);
      const clinician = await factories.createUser(db, organization, { role: 'THERAPIST' });
      for (let i = 0; i < size; i++) {
        const patient = await factories.createPatient(db, organization);
        await factories.addToCareTeam(db, patient, clinician);
        await factories.createCheckIns(db, patient, [{ localDate: daysFromToday(-1 - i) }]);
        await factories.createAssessment(db, patient);
      }
      return factories.viewerFor(clinician);
    }
    const small = await caseloadOf(1);
    const large = await caseloadOf(12);

    let largeCount = 0;
    const smallStatements = await statementsDuring(() => listCaseload(small));
    const largeStatements = await statementsDuring(async () => {
      largeCount = (await listCaseload(large)).patients.length;
    });
    expect(largeCount).toBe(12);
    expect(smallStatements.length).toBeGreaterThan(0);
    expect(largeStatements.length).toBe(smallStatements.length);
    // BEGIN, patients, their names, latest values, flags, audit (3), COMMIT.
    expect(smallStatements.length).toBeLessThanOrEqual(10);
  });

  it('flags, sorts and filters the caseload', async () => {
    const team = await factories.createCareTeam(db);
    const { organization, prescriber, patient } = team;
    const quiet = await factories.createPatient(db, organization, { name: 'Aaron Quiet' });
    await factories.addToCareTeam(db, quiet, prescriber);
    const steady = await factories.createPatient(db, organization, { name: 'Zoe Steady' });
    await factories.addToCareTeam(db, steady, prescriber);
    await factories.createCheckIns(db, steady, [{ localDate: daysFromToday(-1) }]);
    await factories.createCheckIns(db, patient, [{ localDate: daysFromToday(-2) }]);
    await answeredAtTen(patient, [1, 1, 1, 1, 0, 0, 0, 0, 0], -20);
    await answeredAtTen(patient, [2, 2, 2, 2, 2, 1, 1, 0, 0], -2);
    const viewer = factories.viewerFor(prescriber);

    const all = await listCaseload(viewer);
    const byId = new Map(all.patients.map((p) => [p.id, p]));
    expect(byId.get(patient.id)!.flags.map((f) => f.kind)).toEqual(['SCORE_WORSENED']);
    expect(byId.get(quiet.id)!.flags.map((f) => f.kind)).toEqual(['NO_RECENT_CHECK_IN']);
    expect(byId.get(steady.id)!.flags).toEqual([]);

    const flagged = await listCaseload(viewer, { flaggedOnly: true, sort: 'flags' });
    expect(flagged.patients.map((p) => p.id)).toEqual([patient.id, quiet.id]);
    expect(flagged.total).toBe(2);
    const worsened = await listCaseload(viewer, { flag: 'SCORE_WORSENED' });
    expect(worsened.patients.map((p) => p.id)).toEqual([patient.id]);
    const byCheckIn = await listCaseload(viewer, { sort: 'lastCheckIn' });
    expect(byCheckIn.patients.map((p) => p.id)).toEqual([quiet.id, patient.id, steady.id]);
    const byPhq9 = await listCaseload(viewer, { sort: 'phq9' });
    expect(byPhq9.patients[0]!.id).toBe(patient.id);
  });

  it('pages a large caseload instead of loading it all', async () => {
    const organization = await factories.createOrganization(db);
    const clinician = await factories.createUser(db, organization, { role: 'PRESCRIBER' });
    const size = CASELOAD_PAGE_SIZE + 5;
    const patients = await factories.createCaseload(db, organization, clinician, size);

    const first = await listCaseload(factories.viewerFor(clinician));
    expect(first).toMatchObject({ total: size, page: 1, pageSize: CASELOAD_PAGE_SIZE });
    expect(first.patients).toHaveLength(CASELOAD_PAGE_SIZE);
    expect(first.patients[0]?.name).toBe('Patient 000');

    const second = await listCaseload(factories.viewerFor(clinician), { page: 2 });
    expect(second.patients.map((p) => p.name)).toEqual(
      patients.slice(CASELOAD_PAGE_SIZE).map((p) => p.name),
    );
    const beyond = await listCaseload(factories.viewerFor(clinician), { page: 99 });
    expect(beyond.page).toBe(2);
  });

  it('sorted by name without a filter, reads the facts of the page shown alone, and right', async () => {
    const organization = await factories.createOrganization(db);
    const clinician = await factories.createUser(db, organization, { role: 'PRESCRIBER' });
    const patients = await factories.createCaseload(
      db,
      organization,
      clinician,
      CASELOAD_PAGE_SIZE + 3,
    );
    // The last patient by name, on page 2: a worsening PHQ-9.
    const last = patients.at(-1)!;
    await answeredAtTen(last, [1, 1, 1, 1, 1, 1, 0, 0, 0], -20);
    await answeredAtTen(last, [3, 3, 3, 3, 2, 2, 2, 1, 0], -1);
    const viewer = factories.viewerFor(clinician);

    let second: Awaited<ReturnType<typeof listCaseload>> | undefined;
    const statements = await statementsWithValuesDuring(async () => {
      second = await listCaseload(viewer, { page: 2 });
    });
    expect(second!.patients.map((p) => p.id)).toEqual(
      patients.slice(CASELOAD_PAGE_SIZE).map((p) => p.id),
    );
    const row = second!.patients.at(-1)!;
    expect(row.latestPhq9?.score).toBe(19);
    expect(row.flags.map((f) => f.kind)).toContain('SCORE_WORSENED');
    // The facts statement names the 3 patients of page 2, not the 53 of the caseload.
    const facts = statements.filter((s) => s.text.includes('unnest('));
    expect(facts).toHaveLength(1);
    const ids = facts[0]!.values.find(Array.isArray) as string[];
    expect([...ids].sort()).toEqual(second!.patients.map((p) => p.id).sort());

    // Sorted by flags, the whole caseload's facts are read first: the flagged patient leads.
    const byFlags = await listCaseload(viewer, { sort: 'flags' });
    expect(byFlags.patients[0]!.id).toBe(last.id);
    expect(byFlags.total).toBe(CASELOAD_PAGE_SIZE + 3);
  });

  it('writes one audit event naming every patient shown, which each patient sees in their access log', async () => {
    const { organization, prescriber, patient } = await factories.createCareTeam(db);
    const second = await factories.createPatient(db, organization);
    await factories.addToCareTeam(db, second, prescriber);
    await listCaseload(factories.viewerFor(prescriber));
    const events = await readEvents(prescriber.id, 'caseload', 'ALLOWED');
    expect(events).toHaveLength(1);
    expect(events[0]!.patientIds.sort()).toEqual([patient.id, second.id].sort());
    expect(events[0]).toMatchObject({
      patientId: null,
      organizationId: prescriber.organizationId,
      actorRole: 'PRESCRIBER',
    });
    for (const who of [patient, second]) {
      const log = await listAccessLog(factories.viewerFor(who), who.id);
      expect(log.items.map((e) => e.did)).toContain(
        'viewed your line in their list of patients (latest check-in and PHQ-9)',
      );
    }
  });

  it('writes one audit event for an empty caseload', async () => {
    const organization = await factories.createOrganization(db);
    const prescriber = await factories.createUser(db, organization, { role: 'PRESCRIBER' });
    await listCaseload(factories.viewerFor(prescriber));
    const events = await readEvents(prescriber.id, 'caseload', 'ALLOWED');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ patientId: null });
  });

  it('refuses patients and admins with ForbiddenError, and audits the denial', async () => {
    const { organization, patient } = await factories.createCareTeam(db);
    const admin = await factories.createUser(db, organization, { role: 'ADMIN' });

    await expect(listCaseload(factories.viewerFor(patient))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listCaseload(factories.viewerFor(admin))).rejects.toBeInstanceOf(ForbiddenError);

    expect(await readEvents(patient.account.id, 'caseload', 'DENIED')).toHaveLength(1);
    expect(await readEvents(admin.id, 'caseload', 'DENIED')).toHaveLength(1);
    expect(await readEvents(admin.id, 'caseload', 'ALLOWED')).toHaveLength(0);
  });
});
