import { describe, expect, it } from 'vitest';
import {
  applyChange,
  deriveRegimen,
  medicationKey,
  transitionConflict,
  type RegimenChange,
} from '@/lib/clinical/regimen';

let sequence = 0;

function change(
  action: RegimenChange['action'],
  fields: Partial<RegimenChange> & { day: number },
): RegimenChange {
  sequence += 1;
  const medication = fields.medication ?? 'Sertraline';
  const { day, ...rest } = fields;
  return {
    id: `c${String(sequence).padStart(3, '0')}`,
    action,
    medication,
    medicationKey: medicationKey(medication),
    dose: null,
    unit: null,
    frequency: null,
    route: null,
    effectiveDate: new Date(Date.UTC(2026, 0, day)),
    createdAt: new Date(Date.UTC(2026, 0, day, 12, sequence)),
    correctsId: null,
    ...rest,
  };
}

const start = (day: number, dose: number, medication = 'Sertraline') =>
  change('START', {
    day,
    medication,
    dose,
    unit: 'mg',
    frequency: 'once daily',
    route: 'oral',
  });

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('medicationKey', () => {
  it('trims, lower-cases and collapses spaces', () => {
    expect(medicationKey('  Bupropion   XL ')).toBe('bupropion xl');
    expect(medicationKey('SERTRALINE')).toBe('sertraline');
    expect(medicationKey('lithium\tcarbonate')).toBe('lithium carbonate');
  });
});

describe('deriveRegimen', () => {
  it('follows a titration, keeping schedule and route', () => {
    const history = [
      start(1, 25),
      change('INCREASE', { day: 8, dose: 50, unit: 'mg' }),
      change('INCREASE', { day: 36, dose: 100, unit: 'mg' }),
    ];
    expect(deriveRegimen(history)).toEqual([
      {
        medicationKey: 'sertraline',
        medication: 'Sertraline',
        status: 'ACTIVE',
        dose: 100,
        unit: 'mg',
        frequency: 'once daily',
        route: 'oral',
        since: new Date(Date.UTC(2026, 0, 36)),
        lastChangeId: history[2]!.id,
      },
    ]);
  });

  it('holds and resumes at the held dose', () => {
    const history = [
      start(1, 10, 'Escitalopram'),
      change('HOLD', { day: 20, medication: 'Escitalopram' }),
    ];
    expect(deriveRegimen(history)[0]).toMatchObject({ status: 'HELD', dose: 10 });
    history.push(change('RESUME', { day: 23, medication: 'Escitalopram' }));
    expect(deriveRegimen(history)[0]).toMatchObject({
      status: 'ACTIVE',
      dose: 10,
      frequency: 'once daily',
      since: new Date(Date.UTC(2026, 0, 23)),
    });
  });

  it('stops, keeping the last dose, and can start again', () => {
    const history = [
      start(1, 50, 'Trazodone'),
      change('STOP', { day: 30, medication: 'Trazodone' }),
    ];
    expect(deriveRegimen(history)[0]).toMatchObject({ status: 'STOPPED', dose: 50 });
    history.push(start(60, 25, 'Trazodone'));
    expect(deriveRegimen(history)[0]).toMatchObject({ status: 'ACTIVE', dose: 25 });
  });

  it('ignores a change entered in error, restoring the one before', () => {
    const first = start(1, 25);
    const increase = change('INCREASE', { day: 8, dose: 500, unit: 'mg' });
    const error = change('ENTERED_IN_ERROR', { day: 8, correctsId: increase.id });
    expect(deriveRegimen([first, increase, error])[0]).toMatchObject({
      status: 'ACTIVE',
      dose: 25,
      lastChangeId: first.id,
      since: first.effectiveDate,
    });
    const corrected = change('INCREASE', { day: 8, dose: 50, unit: 'mg' });
    expect(deriveRegimen([first, increase, error, corrected])[0]).toMatchObject({
      dose: 50,
      lastChangeId: corrected.id,
    });
  });

  it('drops a medication whose only change was entered in error', () => {
    const mistaken = start(5, 1, 'Lorazepam');
    const error = change('ENTERED_IN_ERROR', {
      day: 5,
      medication: 'Lorazepam',
      correctsId: mistaken.id,
    });
    expect(deriveRegimen([start(1, 25), mistaken, error]).map((s) => s.medicationKey)).toEqual([
      'sertraline',
    ]);
  });

  it('gives the same answer in any order, tie-breaking on the recording time', () => {
    const history = [
      start(1, 25),
      start(3, 150, 'Bupropion XL'),
      change('INCREASE', { day: 8, dose: 50, unit: 'mg' }),
      change('HOLD', { day: 20, medication: 'Bupropion XL' }),
      change('INCREASE', { day: 36, dose: 100, unit: 'mg' }),
      change('DECREASE', { day: 36, dose: 75, unit: 'mg' }),
      change('RESUME', { day: 40, medication: 'Bupropion XL' }),
    ];
    const expected = deriveRegimen(history);
    expect(expected.map((s) => [s.medicationKey, s.status, s.dose])).toEqual([
      ['bupropion xl', 'ACTIVE', 150],
      ['sertraline', 'ACTIVE', 75],
    ]);
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(deriveRegimen(shuffled(history, seed))).toEqual(expected);
    }
  });

  it('accepts Decimal-like and string doses', () => {
    const decimal = { ...start(1, 0), dose: { toNumber: () => 12.5 } };
    expect(deriveRegimen([decimal])[0]!.dose).toBe(12.5);
    expect(deriveRegimen([{ ...start(1, 0), dose: '37.5' }])[0]!.dose).toBe(37.5);
  });

  it('refuses an ENTERED_IN_ERROR entry as a fold step', () => {
    expect(() => applyChange(undefined, change('ENTERED_IN_ERROR', { day: 1 }))).toThrow();
  });
});

describe('transitionConflict', () => {
  const active = { status: 'ACTIVE', dose: 50 } as const;
  const held = { status: 'HELD', dose: 50 } as const;
  const stopped = { status: 'STOPPED', dose: 50 } as const;

  it.each([
    [undefined, 'START', undefined, null],
    [stopped, 'START', undefined, null],
    [active, 'START', undefined, 'already active'],
    [held, 'START', undefined, 'resume'],
    [active, 'INCREASE', 100, null],
    [active, 'INCREASE', 25, 'higher dose'],
    [active, 'DECREASE', 25, null],
    [active, 'DECREASE', 100, 'lower dose'],
    [held, 'INCREASE', 100, 'active'],
    [undefined, 'DECREASE', 25, 'active'],
    [active, 'INCREASE', undefined, 'new dose'],
    [active, 'HOLD', undefined, null],
    [held, 'HOLD', undefined, 'active'],
    [held, 'RESUME', undefined, null],
    [active, 'RESUME', undefined, 'held'],
    [active, 'STOP', undefined, null],
    [held, 'STOP', undefined, null],
    [stopped, 'STOP', undefined, 'active or held'],
    [undefined, 'STOP', undefined, 'active or held'],
  ] as const)('%j then %s %s', (state, action, dose, expected) => {
    const conflict = transitionConflict(state, action, dose);
    if (expected === null) expect(conflict).toBeNull();
    else expect(conflict).toContain(expected);
  });
});
