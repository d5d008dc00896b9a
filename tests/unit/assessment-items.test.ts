import { describe, expect, it } from 'vitest';
import {
  ANSWER_OPTIONS,
  GAD7_TEXT,
  INSTRUMENT_SLUGS,
  INSTRUMENT_TEXT,
  instrumentFromSlug,
  itemCount,
  PHQ9_TEXT,
} from '@/lib/clinical/assessment-items';
import { nextAssessmentDue } from '@/lib/clinical/assessment-schedule';
import { PHQ9_SAFETY_ITEM_INDEX } from '@/lib/clinical/scoring';
import { AssessmentInput } from '@/lib/schemas/assessments';

describe('assessment wording', () => {
  it('has as many items as the scoring expects: 9 for PHQ-9, 7 for GAD-7', () => {
    expect(PHQ9_TEXT.items).toHaveLength(9);
    expect(GAD7_TEXT.items).toHaveLength(7);
    for (const text of Object.values(INSTRUMENT_TEXT)) {
      expect(text.items).toHaveLength(itemCount(text.instrument));
    }
  });

  it('uses the standard stem and the four standard answers, scored 0 to 3', () => {
    for (const text of [PHQ9_TEXT, GAD7_TEXT]) {
      expect(text.stem).toBe(
        'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
      );
      expect(text.options).toBe(ANSWER_OPTIONS);
    }
    expect(ANSWER_OPTIONS).toEqual([
      { value: 0, label: 'Not at all' },
      { value: 1, label: 'Several days' },
      { value: 2, label: 'More than half the days' },
      { value: 3, label: 'Nearly every day' },
    ]);
  });

  it('puts the self-harm question at PHQ-9 item 9, where scoring looks for it', () => {
    expect(PHQ9_TEXT.items[PHQ9_SAFETY_ITEM_INDEX]).toBe(
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    );
    expect(PHQ9_TEXT.items[0]).toBe('Little interest or pleasure in doing things');
    expect(GAD7_TEXT.items[0]).toBe('Feeling nervous, anxious or on edge');
  });

  it('maps URL slugs both ways', () => {
    for (const [instrument, slug] of Object.entries(INSTRUMENT_SLUGS)) {
      expect(instrumentFromSlug(slug)).toBe(instrument);
    }
    expect(instrumentFromSlug('bdi')).toBeNull();
  });
});

describe('AssessmentInput', () => {
  it('accepts a full answer list of each instrument', () => {
    expect(
      AssessmentInput.safeParse({ instrument: 'PHQ9', answers: Array(9).fill(3) }).success,
    ).toBe(true);
    expect(
      AssessmentInput.safeParse({ instrument: 'GAD7', answers: Array(7).fill(0) }).success,
    ).toBe(true);
  });

  it.each([
    ['PHQ9', Array(7).fill(0)],
    ['GAD7', Array(9).fill(0)],
    ['GAD7', [0, 0, 0, 0, 0, 0, 4]],
    ['PHQ9', [0, 0, 0, 0, 0, 0, 0, 0, -1]],
    ['PHQ9', [0, 0, 0, 0, 0, 0, 0, 0, 0.5]],
  ])('refuses %s %j', (instrument, answers) => {
    expect(AssessmentInput.safeParse({ instrument, answers }).success).toBe(false);
  });
});

describe('nextAssessmentDue', () => {
  it('is due today when never completed', () => {
    expect(nextAssessmentDue(null, 14, '2026-03-10')).toEqual({
      dueOn: '2026-03-10',
      isDue: true,
      daysUntil: 0,
    });
  });

  it('is due `intervalDays` after the last one', () => {
    expect(nextAssessmentDue('2026-03-01', 14, '2026-03-10')).toEqual({
      dueOn: '2026-03-15',
      isDue: false,
      daysUntil: 5,
    });
    expect(nextAssessmentDue('2026-03-01', 14, '2026-03-14').isDue).toBe(false);
    expect(nextAssessmentDue('2026-03-01', 14, '2026-03-15').isDue).toBe(true);
    expect(nextAssessmentDue('2026-03-01', 14, '2026-03-20')).toMatchObject({ daysUntil: -5 });
  });

  it('follows the plan’s interval, across month and year ends', () => {
    expect(nextAssessmentDue('2026-12-20', 28, '2026-12-21').dueOn).toBe('2027-01-17');
    expect(nextAssessmentDue('2028-02-20', 10, '2028-02-21').dueOn).toBe('2028-03-01');
  });

  it('falls back to 14 days for an interval that makes no sense', () => {
    expect(nextAssessmentDue('2026-03-01', 0, '2026-03-02').dueOn).toBe('2026-03-15');
  });
});
