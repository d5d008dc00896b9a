// The medication history and its projection. Change n belongs to patient n % N; its k = n / N
// says which medication (k % 4) and which step of that medication's chain (k / 4). Each chain
// walks one of four cycles of nine steps, each step one the regimen allows
// (lib/clinical/regimen.ts transitionConflict) and each cycle ending in STOP, so it can start
// again: the regimens end active, held or stopped.
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
/** The cycles: [action, dose as a multiple of the base dose (0: the step records none)]. */
const CYCLES: readonly (readonly [string, number])[][] = [
  [['START', 1], ['INCREASE', 2], ['INCREASE', 3], ['DECREASE', 2], ['HOLD', 0], ['RESUME', 0], ['INCREASE', 3], ['DECREASE', 2], ['STOP', 0]],
  [['START', 1], ['INCREASE', 2], ['HOLD', 0], ['RESUME', 0], ['DECREASE', 1], ['INCREASE', 3], ['HOLD', 0], ['RESUME', 0], ['STOP', 0]],
  [['START', 1], ['INCREASE', 2], ['DECREASE', 1], ['STOP', 0], ['START', 1], ['INCREASE', 3], ['STOP', 0], ['START', 2], ['STOP', 0]],
  [['START', 2], ['DECREASE', 1], ['INCREASE', 2], ['INCREASE', 3], ['HOLD', 0], ['STOP', 0], ['START', 1], ['INCREASE', 2], ['STOP', 0]],
];
const ACTIONS = CYCLES.flat().map(([action]) => action);
const STEP_DOSE = CYCLES.flat().map(([, dose]) => dose);

const arr = (values: readonly (string | number)[]) =>
  `ARRAY[${values.map((v) => (typeof v === 'number' ? v : `'${v}'`)).join(',')}]`;
const med = (field: 0 | 1 | 2, slot: string) => `(${arr(CATALOG.map((c) => c[field]))})[1 + (${slot}) % 8]`;
/** Step j of the cycle of chain (p, m). */
const step = (values: readonly (string | number)[], j: string) =>
  `(${arr(values)})[1 + ((p + m) % ${CYCLES.length}) * 9 + (${j}) % 9]`;

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
      FROM (SELECT *, ${step(ACTIONS, 'j')} AS a
              FROM (SELECT n, n % ${N} AS p, (n / ${N}) % ${M} AS m, n / ${N * M} AS j
                      FROM generate_series(${lo}::bigint, ${hi - 1}) n) c
             OFFSET 0) s`;
}

/**
 * The regimen as recordMedicationChangeTx leaves it, derived from the changes themselves: each
 * chain's newest change gives the status and the date; its newest change with a dose gives the
 * dose, unit, frequency and route (HOLD, RESUME and STOP keep those of the step before).
 */
export function medicationStatesSql(): string {
  const newest = (where: string) => `
    SELECT DISTINCT ON ("patientId", "medicationKey") * FROM "MedicationChange" ${where}
     ORDER BY "patientId", "medicationKey", "effectiveDate" DESC, "createdAt" DESC, id DESC`;
  return `
    INSERT INTO "MedicationState" ("organizationId", "patientId", "medicationKey", medication,
      status, dose, unit, frequency, route, since, "lastChangeId", "updatedAt")
    SELECT l."organizationId", l."patientId", l."medicationKey", l.medication,
           CASE l.action WHEN 'HOLD' THEN 'HELD' WHEN 'STOP' THEN 'STOPPED' ELSE 'ACTIVE' END::"MedicationStatus",
           d.dose, d.unit, d.frequency, d.route, l."effectiveDate", l.id, l."createdAt"
      FROM (${newest('')}) l JOIN (${newest('WHERE dose IS NOT NULL')}) d USING ("patientId", "medicationKey")`;
}
