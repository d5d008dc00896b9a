// The current regimen, derived from the append-only medication history: pure, so the data layer
// (which keeps MedicationState in step), the factories, the seed and the tests share one rule.

import type { MedicationAction, MedicationStatus } from '@/lib/schemas/enums';

export type { MedicationAction, MedicationStatus };

/** A Prisma Decimal, a number, or a numeric string. */
export type DoseValue = number | string | { toNumber(): number } | null;

/** The fields of a MedicationChange row that the regimen depends on. */
export type RegimenChange = {
  id: string;
  action: MedicationAction;
  medication: string;
  medicationKey: string;
  dose: DoseValue;
  unit: string | null;
  frequency: string | null;
  route: string | null;
  effectiveDate: Date;
  createdAt: Date;
  correctsId: string | null;
};

/** One medication's current state, as the MedicationState table holds it. */
export type MedicationStateValue = {
  medicationKey: string;
  medication: string;
  status: MedicationStatus;
  dose: number | null;
  unit: string | null;
  frequency: string | null;
  route: string | null;
  since: Date;
  lastChangeId: string;
};

/** The regimen's grouping key: trimmed, lower-cased, inner whitespace collapsed. */
export function medicationKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function doseToNumber(dose: DoseValue | undefined): number | null {
  if (dose === null || dose === undefined) return null;
  if (typeof dose === 'number') return dose;
  if (typeof dose === 'string') return Number(dose);
  return dose.toNumber();
}

/** History order: effective date, then the order of recording, then id (so ties are stable). */
export function compareChanges(a: RegimenChange, b: RegimenChange): number {
  return (
    a.effectiveDate.getTime() - b.effectiveDate.getTime() ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * One step of the fold: the state after `change`, given the state before it (undefined when the
 * medication has no earlier effective change). ENTERED_IN_ERROR entries are not steps; pass
 * them to `deriveRegimen`, which removes them and the entries they correct.
 */
export function applyChange(
  previous: MedicationStateValue | undefined,
  change: RegimenChange,
): MedicationStateValue {
  if (change.action === 'ENTERED_IN_ERROR') {
    throw new Error('An ENTERED_IN_ERROR entry is not a regimen step; use deriveRegimen.');
  }
  const dose = doseToNumber(change.dose);
  const base = {
    medicationKey: change.medicationKey,
    medication: change.medication,
    unit: change.unit ?? previous?.unit ?? null,
    frequency: change.frequency ?? previous?.frequency ?? null,
    route: change.route ?? previous?.route ?? null,
    since: change.effectiveDate,
    lastChangeId: change.id,
  };
  switch (change.action) {
    case 'START':
      return {
        ...base,
        status: 'ACTIVE',
        dose,
        unit: change.unit,
        frequency: change.frequency,
        route: change.route,
      };
    case 'INCREASE':
    case 'DECREASE':
    case 'RESUME':
      return { ...base, status: 'ACTIVE', dose: dose ?? previous?.dose ?? null };
    case 'HOLD':
      return { ...base, status: 'HELD', dose: dose ?? previous?.dose ?? null };
    case 'STOP':
      // The last dose stays on the stopped entry, so "stopped sertraline 100 mg" can be shown.
      return { ...base, status: 'STOPPED', dose: previous?.dose ?? dose };
  }
}

/**
 * The current state of every medication in one patient's history (any order). Entries marked
 * by an ENTERED_IN_ERROR entry, and the ENTERED_IN_ERROR entries themselves, are ignored, so
 * marking the last change restores the state before it. Sorted by medication key.
 */
export function deriveRegimen(changes: readonly RegimenChange[]): MedicationStateValue[] {
  const corrected = new Set<string>();
  for (const change of changes) {
    if (change.action === 'ENTERED_IN_ERROR' && change.correctsId) corrected.add(change.correctsId);
  }
  const effective = changes
    .filter((c) => c.action !== 'ENTERED_IN_ERROR' && !corrected.has(c.id))
    .sort(compareChanges);
  const states = new Map<string, MedicationStateValue>();
  for (const change of effective) {
    states.set(change.medicationKey, applyChange(states.get(change.medicationKey), change));
  }
  return [...states.values()].sort((a, b) =>
    a.medicationKey < b.medicationKey ? -1 : a.medicationKey > b.medicationKey ? 1 : 0,
  );
}

/**
 * Why `action` cannot follow the current state (a 409 for the API), or null when it can.
 * `dose` is the new dose for INCREASE and DECREASE.
 */
export function transitionConflict(
  current: Pick<MedicationStateValue, 'status' | 'dose'> | undefined,
  action: Exclude<MedicationAction, 'ENTERED_IN_ERROR'>,
  dose?: number | null,
): string | null {
  const status = current?.status;
  switch (action) {
    case 'START':
      if (status === 'ACTIVE') return 'This medication is already active.';
      if (status === 'HELD') return 'This medication is on hold: resume it instead.';
      return null;
    case 'INCREASE':
    case 'DECREASE': {
      if (status !== 'ACTIVE') return 'Only an active medication can change dose.';
      if (dose === null || dose === undefined) return 'A dose change needs the new dose.';
      const before = current?.dose;
      if (before !== null && before !== undefined) {
        if (action === 'INCREASE' && dose <= before) return 'An increase needs a higher dose.';
        if (action === 'DECREASE' && dose >= before) return 'A decrease needs a lower dose.';
      }
      return null;
    }
    case 'HOLD':
      return status === 'ACTIVE' ? null : 'Only an active medication can be held.';
    case 'RESUME':
      return status === 'HELD' ? null : 'Only a held medication can be resumed.';
    case 'STOP':
      return status === 'ACTIVE' || status === 'HELD'
        ? null
        : 'Only an active or held medication can be stopped.';
  }
}
