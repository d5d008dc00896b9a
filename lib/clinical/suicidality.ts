// Thoughts of suicide or self-harm, the one thing a prescriber asks a patient to watch for that is
// a safety matter whatever its severity: a check-in reporting it raises an urgent safety flag
// (lib/data/check-ins/record-day.ts) and shows the patient crisis resources at once
// (components/check-ins). Listed in the vocabulary (./monitoring-words.ts) like any other entry;
// kept here so the check-in form can tell it in the browser without the whole vocabulary. Pure.
import { normalizeTerm, termKeys } from './term-keys';

/** The clinician's terms for it and the patient's words (an entry of MONITORING_WORDS). */
export const SUICIDALITY = {
  terms: [
    'suicidal ideation',
    'SI',
    'suicidality',
    'suicidal thoughts',
    'suicidal ideation/behavior',
    'suicidal ideation/behaviour',
    'emergent suicidality',
  ],
  words: 'Thoughts that life isn’t worth living, or of harming yourself',
} as const;

const KEYS = new Set([...SUICIDALITY.terms, SUICIDALITY.words].map(normalizeTerm));

/**
 * Whether a check-in's side effect is suicidality: one of its clinician's terms or the patient's
 * words, compared as the vocabulary compares a term (whole term; case, punctuation and a trailing
 * "(…)" aside ignored). "Sinusitis" or "SI joint pain" is not.
 */
export function isSuicidalitySideEffect(name: string): boolean {
  return termKeys(name).some((key) => KEYS.has(key));
}
