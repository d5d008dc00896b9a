// The medication history and its projection. Change n belongs to patient n % N; its k = n / N
// says which medication (k % 4) and which step of that medication's chain (k / 4). Each chain
// walks START, INCREASE, INCREASE, DECREASE, HOLD, RESUME, INCREASE, DECREASE, STOP and starts
// again: every step is one the regimen allows (lib/clinical/regimen.ts transitionConflict).
import type { Layout } from './layout';
import { ORG_ID, day, id, patientId, prescriberOf, prescriberUser } from './sql-common';

const CATALOG = [
  ['Sertraline', 25, 'once daily'],
  ['Fluoxetine', 10, 'once daily'],
  ['Bupropion XL', 75, 'every morning'],
  ['Escitalopram', 5, 'once daily'],
  ['Quetiapine', 25, 'at bedtime'],
  ['Lamotrigine', 25, 'once daily'],
  ['Aripiprazole', 2, 'once daily'],
  ['Buspirone', 5, 'twice daily'],
] as const;
const ACTIONS = ['START', 'INCREASE', 'INCREASE', 'DECREASE', 'HOLD', 'RESUME', 'INCREASE', 'DECREASE', 'STOP'];
/** The dose a step records (× the medication's base dose); 0 for the steps without one. */
const STEP_DOSE = [1, 2, 3, 2, 0, 0, 3, 2, 0];
/** The regimen's dose after each step (HOLD, RESUME and STOP keep the dose before them). */
const STATE_DOSE = [1, 2, 3, 2, 2, 2, 3, 2, 2];
const STATE_STATUS = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'HELD', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'STOPPED'];

const arr = (values: readonly (string | number)[]) =>
  `ARRAY[${values.map((v) => (typeof v === 'number' ? v : `'${v}'`)).join(',')}]`;
const med = (field: 0 | 1 | 2, slot: string) => `(${arr(CATALOG.map((c) => c[field]))})[1 + (${slot}) % 8]`;
const step = (values: readonly (string | number)[], j: string) => `(${arr(values)})[1 + (${j}) % 9]`;

/** Steps per chain: the newest step of every chain falls in the last week before the anchor. */
const chainSteps = (l: Layout) =>
  Math.max(1, Math.ceil(l.medicationChanges / (l.patients * l.medications)));
const effective = (l: Layout, j: string, m: string) =>
  day(l, `-((${chainSteps(l)} - (${j})) * 7 + (${m}))`);

/** Rows [lo, hi) of the history, in order (a change's predecessor is always a lower n). */
export function medicationChangesSql(l: Layout, lo: number, hi: number): string {
  const N = l.patients;
  const M = l.medications;
  return `
    INSERT INTO "MedicationChange" (id, "organizationId", "patientId", "prescriberId", action,
      medication, "medicationKey", dose, unit, frequency, route, "effectiveDate", reason,
      "monitorFor", "reviewBy", "patientExplanation", "previousChangeId", "createdAt")
    SELECT ${id('mc', 'n')}, ${ORG_ID}, ${patientId('p')}, ${prescriberUser(l, prescriberOf(l, 'p'))},
           a::"MedicationAction", ${med(0, 'p + m')}, lower(${med(0, 'p + m')}),
           NULLIF(${step(STEP_DOSE, 'j')} * ${med(1, 'p + m')}, 0),
           CASE WHEN ${step(STEP_DOSE, 'j')} > 0 THEN 'mg' END,
           CASE WHEN ${step(STEP_DOSE, 'j')} > 0 THEN ${med(2, 'p + m')} END,
           CASE WHEN ${step(STEP_DOSE, 'j')} > 0 THEN 'oral' END,
           ${effective(l, 'j', 'm')},
           CASE a WHEN 'START' THEN 'Start for persistent low mood'
                  WHEN 'INCREASE' THEN 'Partial response at the current dose'
                  WHEN 'DECREASE' THEN 'Side effects at the higher dose'
                  WHEN 'HOLD' THEN 'Paused while a side effect settles'
                  WHEN 'RESUME' THEN 'Side effect resolved'
                  ELSE 'Goals met; tapering off' END,
           CASE WHEN a = 'START' THEN ARRAY['sleep', 'nausea'] ELSE ARRAY[]::text[] END,
           CASE WHEN a = 'START' THEN ${effective(l, 'j', 'm')} + 28 END,
           CASE WHEN a IN ('START', 'STOP') THEN 'We talked this through at your visit.' END,
           CASE WHEN j > 0 THEN ${id('mc', `n - ${N * M}`)} END,
           ${effective(l, 'j', 'm')} + interval '15 hours' + (p % 60) * interval '1 minute'
      FROM (SELECT n, n % ${N} AS p, (n / ${N}) % ${M} AS m, n / ${N * M} AS j,
                   ${step(ACTIONS, `n / ${N * M}`)} AS a
              FROM generate_series(${lo}::bigint, ${hi - 1}) n OFFSET 0) s`;
}

/** The regimen as recordMedicationChangeTx leaves it: each chain's newest step, projected. */
export function medicationStatesSql(l: Layout): string {
  const N = l.patients;
  const M = l.medications;
  const newest = `(${l.medicationChanges - 1} - c0) / ${N * M}`;
  return `
    INSERT INTO "MedicationState" ("organizationId", "patientId", "medicationKey", medication,
      status, dose, unit, frequency, route, since, "lastChangeId", "updatedAt")
    SELECT ${ORG_ID}, ${patientId('p')}, lower(${med(0, 'p + m')}), ${med(0, 'p + m')},
           ${step(STATE_STATUS, 'j')}::"MedicationStatus",
           ${step(STATE_DOSE, 'j')} * ${med(1, 'p + m')}, 'mg', ${med(2, 'p + m')}, 'oral',
           ${effective(l, 'j', 'm')}, ${id('mc', `c0 + j * ${N * M}`)},
           ${effective(l, 'j', 'm')} + interval '15 hours' + (p % 60) * interval '1 minute'
      FROM (SELECT p, m, c0, ${newest} AS j
              FROM (SELECT p, m, m * ${N} + p AS c0
                      FROM generate_series(0, ${N - 1}) p, generate_series(0, ${M - 1}) m) c
             WHERE c0 < ${l.medicationChanges}) s`;
}

