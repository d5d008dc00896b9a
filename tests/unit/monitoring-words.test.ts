import { describe, expect, it } from 'vitest';
import {
  MONITORING_WORDS,
  normalizeTerm,
  patientWordsFor,
  watchListFor,
} from '@/lib/clinical/monitoring-words';
import { SideEffectInput } from '@/lib/schemas/check-ins';

describe('patientWordsFor', () => {
  it.each([
    // The terms the issue names, as a prescriber types them.
    ['GI upset', 'Upset stomach or nausea'],
    ['EPS', 'Stiff or shaky muscles, slow movements or muscle spasms'],
    ['Akathisia', 'Feeling restless, unable to sit still'],
    ['Orthostatic hypotension', 'Feeling dizzy or faint when you stand up'],
    ['Sedation', 'Feeling very sleepy or slowed down during the day'],
    ['Insomnia', 'Trouble falling or staying asleep'],
    ['QTc', 'Fainting, or a racing, pounding or uneven heartbeat'],
    ['Serotonin syndrome', 'Shivering, sweating, a fast heartbeat, muscle twitching or confusion'],
    ['Weight gain', 'Putting on weight or feeling hungrier'],
    ['Suicidal ideation', 'Thoughts that life isn’t worth living, or of harming yourself'],
    ['Sexual dysfunction', 'Changes in sex drive or sexual function'],
    ['Hyponatremia', 'Confusion, headache, muscle cramps or feeling unsteady'],
    ['Tremor', 'Shaking hands or trembling'],
    ['rash/SJS', 'A rash with blisters, peeling skin or sores in the mouth'],
    // Case, punctuation and spacing do not matter.
    ['gi UPSET', 'Upset stomach or nausea'],
    ['G.I. upset', 'Upset stomach or nausea'],
    ['GI-upset', 'Upset stomach or nausea'],
    ['  akathisia.  ', 'Feeling restless, unable to sit still'],
    ['Rash / SJS', 'A rash with blisters, peeling skin or sores in the mouth'],
    ['Stevens–Johnson syndrome', 'A rash with blisters, peeling skin or sores in the mouth'],
    ['QTc-prolongation', 'Fainting, or a racing, pounding or uneven heartbeat'],
    [
      'suicidal ideation/behaviour',
      'Thoughts that life isn’t worth living, or of harming yourself',
    ],
    ['Hyponatraemia', 'Confusion, headache, muscle cramps or feeling unsteady'],
    // A trailing aside is ignored when the term without it is known.
    ['Akathisia (restlessness)', 'Feeling restless, unable to sit still'],
    ['EPS (esp. first 2 weeks)', 'Stiff or shaky muscles, slow movements or muscle spasms'],
    // Unknown or already plain terms reach the patient as written (trimmed).
    ['Nausea', 'Nausea'],
    ['Headache', 'Headache'],
    ['  Morning grogginess ', 'Morning grogginess'],
    [
      'Dizziness or irritability in the first days (dose reduction)',
      'Dizziness or irritability in the first days (dose reduction)',
    ],
    // A known term inside a longer phrase is not rewritten: the words would no longer fit.
    ['GI upset after meals', 'GI upset after meals'],
  ])('%s → %s', (term, words) => {
    expect(patientWordsFor(term)).toBe(words);
  });
});

describe('normalizeTerm', () => {
  it.each([
    ['GI upset', 'gi upset'],
    ['G.I. Upset', 'gi upset'],
    ['rash/SJS', 'rash sjs'],
    ['Stevens-Johnson  syndrome', 'stevens johnson syndrome'],
    ['patient’s mood', 'patients mood'],
    ['', ''],
  ])('%j → %j', (text, normalized) => {
    expect(normalizeTerm(text)).toBe(normalized);
  });
});

describe('watchListFor', () => {
  it('keeps the order and lists each thing once, whatever the term', () => {
    expect(
      watchListFor(['GI upset', 'Headache', 'gi distress', 'headache', 'Akathisia', ' ']),
    ).toEqual(['Upset stomach or nausea', 'Headache', 'Feeling restless, unable to sit still']);
  });

  it('is empty for no terms', () => {
    expect(watchListFor([])).toEqual([]);
  });
});

describe('the vocabulary', () => {
  const entries = MONITORING_WORDS;

  it('covers at least 30 things', () => {
    expect(entries.length).toBeGreaterThanOrEqual(30);
  });

  it('names each term once across all entries', () => {
    const terms = entries.flatMap((e) => e.terms.map(normalizeTerm));
    expect(terms.filter((t, i) => terms.indexOf(t) !== i)).toEqual([]);
    expect(terms).not.toContain('');
  });

  it.each(entries.map((e) => [e.terms[0]!, e.words] as const))(
    '%s: its words can be sent back as a check-in’s side effect',
    (term, words) => {
      expect(SideEffectInput.safeParse({ name: words, severity: 'MILD' }).success).toBe(true);
      expect(patientWordsFor(term)).toBe(words);
    },
  );

  it('gives every entry words of its own', () => {
    const words = entries.map((e) => e.words.toLowerCase());
    expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
  });
});
