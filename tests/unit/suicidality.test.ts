import { describe, expect, it } from 'vitest';
import {
  MONITORING_WORDS,
  isSuicidalitySideEffect,
  patientWordsFor,
} from '@/lib/clinical/monitoring-words';
import { SUICIDALITY } from '@/lib/clinical/suicidality';

describe('isSuicidalitySideEffect', () => {
  it.each([
    // The clinician's terms, as a prescriber writes them.
    ['suicidal ideation', true],
    ['SI', true],
    ['Suicidality', true],
    ['suicidal thoughts', true],
    ['Suicidal ideation/behavior', true],
    ['suicidal ideation/behaviour', true],
    ['Emergent suicidality', true],
    // The patient's words: what the check-in's checkbox sends.
    ['Thoughts that life isn’t worth living, or of harming yourself', true],
    ["Thoughts that life isn't worth living, or of harming yourself", true],
    ['thoughts that life isnt worth living or of harming yourself', true],
    // Case, punctuation, spacing and a trailing aside do not matter.
    ['SUICIDAL IDEATION', true],
    ['  suicidal   ideation. ', true],
    ['Suicidal-ideation', true],
    ['s.i.', true],
    ['Suicidal ideation / behaviour', true],
    ['Suicidal ideation (passive)', true],
    ['SI (esp. first 4 weeks)', true],
    // Other things, and the term inside a longer phrase: not this term.
    ['sinusitis', false],
    ['Sinus headache', false],
    ['SIADH', false],
    ['SI joint pain', false],
    ['Sibling stress', false],
    ['Insomnia', false],
    ['Your mood getting worse', false],
    ['Akathisia (restlessness)', false],
    ['suicidal ideation and weight gain', false],
    ['no SI', false],
    ['', false],
    ['  ', false],
  ])('%j → %s', (name, expected) => {
    expect(isSuicidalitySideEffect(name)).toBe(expected);
  });

  it('agrees with the vocabulary: true for exactly the terms it gives these words', () => {
    for (const entry of MONITORING_WORDS) {
      for (const term of [...entry.terms, entry.words]) {
        const isIt = patientWordsFor(term) === SUICIDALITY.words;
        expect([term, isSuicidalitySideEffect(term)]).toEqual([term, isIt]);
      }
    }
  });

  it('is an entry of the vocabulary, so the check-in lists it in the patient’s words', () => {
    expect(MONITORING_WORDS).toContain(SUICIDALITY);
    expect(patientWordsFor('Suicidal ideation')).toBe(SUICIDALITY.words);
  });
});
