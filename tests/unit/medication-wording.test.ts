import { describe, expect, it } from 'vitest';
import {
  briefChangeTitle,
  changeTitle,
  doseBefore,
  lastChangeText,
  markerLabel,
  timelineTitle,
} from '@/lib/clinical/medication-wording';

const increase = { action: 'INCREASE', medication: 'Sertraline', dose: 100, unit: 'mg' };

describe('medication wording', () => {
  it('heads a change in the history and the brief', () => {
    expect(changeTitle(increase)).toBe('Increased Sertraline to 100 mg');
    expect(changeTitle({ ...increase, action: 'START', dose: 50 })).toBe(
      'Started Sertraline 50 mg',
    );
    expect(changeTitle({ ...increase, action: 'HOLD', dose: null })).toBe('Held Sertraline');
    expect(briefChangeTitle({ ...increase, frequency: 'once daily' })).toBe(
      'Increased Sertraline 100 mg, once daily',
    );
  });

  it('takes the dose before only from a change that set one', () => {
    expect(doseBefore({ action: 'START', dose: 50 })).toBe(50);
    expect(doseBefore({ action: 'RESUME', dose: { toString: () => '25.000' } })).toBe(25);
    expect(doseBefore({ action: 'HOLD', dose: 50 })).toBeNull();
    expect(doseBefore(null)).toBeNull();
  });

  it('labels chart markers the same way everywhere', () => {
    const previousChange = { action: 'START', dose: 50 };
    expect(markerLabel({ ...increase, previousChange })).toBe('Sertraline 50 → 100 mg');
    expect(markerLabel(increase)).toBe('Sertraline up to 100 mg');
    expect(markerLabel({ ...increase, action: 'START', dose: 50 })).toBe(
      'Sertraline started 50 mg',
    );
    expect(markerLabel({ ...increase, action: 'RESUME', dose: null })).toBe('Sertraline resumed');
  });

  it('says a change on the timeline to the patient and to a clinician', () => {
    expect(timelineTitle(increase, 'patient')).toBe('Your dose of Sertraline went up to 100 mg');
    expect(timelineTitle({ ...increase, action: 'STOP', dose: null }, 'patient')).toBe(
      'You stopped Sertraline',
    );
    expect(timelineTitle(increase, 'clinician')).toBe('Sertraline increased (100 mg)');
    expect(
      timelineTitle({ ...increase, action: 'ENTERED_IN_ERROR', dose: null }, 'clinician'),
    ).toBe('Sertraline entry marked in error');
  });

  it('tells the patient what the last change did', () => {
    expect(lastChangeText('INCREASE', 100, 50, 'mg')).toBe('Dose raised from 50 mg to 100 mg');
    expect(lastChangeText('DECREASE', 25, null, 'mg')).toBe('Dose lowered');
    expect(lastChangeText('RESUME', null, null, null)).toBe('Started again');
  });
});
