// The scale dataset (npm run db:scale) at a small size, in a fresh database: the sizes asked for,
// the large-caseload prescriber, a regimen that follows from its history by the app's own rules,
// one organization on every row, notes and changes by the patient's own team, and an audit trail
// that verifies.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { verifyAuditTrail } from '@/lib/audit-verify';
import {
  applyChange,
  deriveRegimen,
  doseToNumber,
  transitionConflict,
  type MedicationStateValue,
  type RegimenChange,
} from '@/lib/clinical/regimen';
import { layoutFor, prescriberEmail, type Layout } from '@/scripts/scale/layout';
import { loadScaleDataset } from '@/scripts/scale/load';
import { countRows, readScaleFacts, type ScaleFacts } from '@/scripts/scale/facts';
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database';

const layout: Layout = layoutFor(
  {
    patients: 60,
    clinicians: 12,
    caseload: 15,
    // Chains end 6 or 7 steps in: active, held and stopped regimens.
    medicationChanges: 60 * 4 * 7 + 37,
    checkIns: 600,
    sessionNotes: 240,
    assessments: 130,
    appointments: 20,
    auditEvents: 30_000,
  },
  '2026-03-15',
);

let database: TestDatabase;
let client: pg.Client;
let facts: ScaleFacts | null;

beforeAll(async () => {
  database = await createTestDatabase('scale');
  await loadScaleDataset(database.url, layout, await hashPassword('scale-test-password'));
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  facts = await readScaleFacts(client);
}, 120_000);

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

type ChangeRow = RegimenChange & { patientId: string; previousChangeId: string | null };

async function changesAndStates() {
  const changes = await client.query<ChangeRow>(
    `SELECT id, "patientId", action, medication, "medicationKey", dose::text AS dose, unit, frequency,
            route, "effectiveDate", "createdAt", "correctsId", "previousChangeId" FROM "MedicationChange"`,
  );
  const states = await client.query<MedicationStateValue & { patientId: string; dose: string }>(
    `SELECT "patientId", "medicationKey", medication, status, dose::text AS dose, unit, frequency, route,
            since, "lastChangeId" FROM "MedicationState" ORDER BY "patientId", "medicationKey"`,
  );
  return { changes: changes.rows, states: states.rows };
}

function byPatient<T extends { patientId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.patientId, [...(map.get(row.patientId) ?? []), row]);
  return map;
}

describe('the scale dataset, small', () => {
  it('holds the sizes asked for', async () => {
    const counts = await countRows(client);
    expect(counts).toMatchObject({
      Organization: 1,
      User: layout.clinicians + layout.patients,
      Patient: layout.patients,
      TreatmentPlan: layout.patients,
      MedicationChange: layout.medicationChanges,
      MedicationState: layout.patients * layout.medications,
      CheckIn: layout.checkIns,
      SessionNote: layout.sessionNotes,
      Assessment: layout.assessments,
      Appointment: layout.appointments,
      AuditEvent: layout.auditEvents,
    });
  });

  it('names the large-caseload prescriber, a patient of theirs and that patient’s therapist', async () => {
    expect(facts?.prescriber).toMatchObject({ email: prescriberEmail(0), caseload: layout.caseload });
    const { rows } = await client.query<{ email: string; role: string }>(
      `SELECT u.email, u.role FROM "CareTeamMembership" m JOIN "User" u ON u.id = m."clinicianId"
        WHERE m."patientId" = $1 AND m."endedAt" IS NULL ORDER BY u.role`,
      [facts!.patient.id],
    );
    expect(rows).toEqual([
      { email: facts!.prescriber.email, role: 'PRESCRIBER' },
      { email: facts!.therapist.email, role: 'THERAPIST' },
    ]);
  });

  it('keeps every regimen as its history derives it, each step one the regimen allows', async () => {
    const { changes, states } = await changesAndStates();
    const statesOf = byPatient(states);
    for (const [patientId, history] of byPatient(changes)) {
      const derived = deriveRegimen(history).map((s) => ({ ...s, patientId, dose: s.dose }));
      const stored = (statesOf.get(patientId) ?? []).map((s) => ({ ...s, dose: doseToNumber(s.dose) }));
      expect(stored).toEqual(derived);
      // Replayed in recording order: no step is one the API would refuse, and each follows the last.
      const current = new Map<string, MedicationStateValue>();
      const sorted = [...history].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      for (const change of sorted) {
        const before = current.get(change.medicationKey);
        const action = change.action as Exclude<typeof change.action, 'ENTERED_IN_ERROR'>;
        expect(transitionConflict(before, action, doseToNumber(change.dose))).toBeNull();
        expect(change.previousChangeId).toBe(before?.lastChangeId ?? null);
        current.set(change.medicationKey, applyChange(before, change));
      }
    }
  });

  it('puts every row of patient data in the one organization', async () => {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'organizationId'`,
    );
    expect(tables.length).toBeGreaterThan(20);
    for (const { table_name: table } of tables) {
      const { rows } = await client.query<{ org: string | null }>(
        `SELECT DISTINCT "organizationId"::text AS org FROM "${table}"`,
      );
      expect(rows.every((r) => r.org === facts!.organizationId), table).toBe(true);
    }
  });

  it('has notes and medication changes written by the patient’s own active care team', async () => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT "patientId", "authorId" AS who FROM "SessionNote"
         UNION ALL SELECT "patientId", "prescriberId" FROM "MedicationChange") w
        WHERE NOT EXISTS (SELECT 1 FROM "CareTeamMembership" m
                           WHERE m."patientId" = w."patientId" AND m."clinicianId" = w.who
                             AND m."endedAt" IS NULL)`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('leaves an audit trail that is sealed and verifies', async () => {
    const report = await verifyAuditTrail(client);
    expect(report).toMatchObject({ broken: null, sealed: layout.auditEvents, unsealed: 0 });
  });

  it('puts the audit events and check-ins in their months’ partitions, none in the default ones', async () => {
    const { rows } = await client.query<{ audit: number; checkIns: number }>(
      `SELECT (SELECT count(*)::int FROM "AuditEvent_default") AS audit,
              (SELECT count(*)::int FROM "CheckIn_default") AS "checkIns"`,
    );
    expect(rows[0]).toEqual({ audit: 0, checkIns: 0 });
  });

  it('builds the indexes it dropped for the load again on every partition, all valid', async () => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE NOT i.indisvalid`,
    );
    expect(rows).toEqual([]);
    const partitionsWithoutUnique = await client.query<{ name: string }>(
      `SELECT p.relname AS name FROM pg_inherits h JOIN pg_class p ON p.oid = h.inhrelid
        WHERE h.inhparent = '"CheckIn"'::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_indexes x
                           WHERE x.tablename = p.relname AND x.indexdef LIKE '%("patientId", "localDate")%')`,
    );
    expect(partitionsWithoutUnique.rows).toEqual([]);
  });
});
