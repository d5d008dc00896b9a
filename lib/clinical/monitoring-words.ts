// The patient's words for what a prescriber asks them to watch for. A prescriber writes "GI upset"
// or "akathisia" under "what to monitor"; the patient's check-in offers each as a checkbox, so it
// must say what the patient would notice. Pure: no I/O. A term not listed here reaches the patient
// as the prescriber wrote it (plain terms such as "Nausea" or "Headache" need no entry).
//
// Each entry: the terms a clinician writes for one thing (compared after normalizeTerm), and the
// patient's words: something they can notice themselves, at most 80 characters (a side effect's
// name in a check-in), one line, no < or >.
import { SUICIDALITY } from './suicidality';
import { normalizeTerm, termKeys } from './term-keys';

export { normalizeTerm };
export { isSuicidalitySideEffect } from './suicidality';

type Entry = { terms: readonly string[]; words: string };

export const MONITORING_WORDS: readonly Entry[] = [
  {
    terms: ['GI upset', 'GI side effects', 'GI symptoms', 'GI distress', 'gastrointestinal upset'],
    words: 'Upset stomach or nausea',
  },
  { terms: ['dyspepsia'], words: 'Indigestion or heartburn' },
  { terms: ['N/V', 'nausea/vomiting', 'emesis'], words: 'Feeling sick or throwing up' },
  {
    terms: ['EPS', 'extrapyramidal symptoms', 'extrapyramidal side effects'],
    words: 'Stiff or shaky muscles, slow movements or muscle spasms',
  },
  { terms: ['akathisia'], words: 'Feeling restless, unable to sit still' },
  {
    terms: ['dystonia', 'acute dystonia'],
    words: 'Sudden muscle spasms or stiffness, often in the neck, jaw or eyes',
  },
  { terms: ['parkinsonism'], words: 'Stiff muscles, slow movements or a shuffling walk' },
  {
    terms: ['tardive dyskinesia', 'TD'],
    words: 'Movements you can’t control, often of the mouth, tongue or face',
  },
  { terms: ['tremor', 'tremors'], words: 'Shaking hands or trembling' },
  {
    terms: [
      'orthostatic hypotension',
      'orthostasis',
      'orthostatic dizziness',
      'postural hypotension',
    ],
    words: 'Feeling dizzy or faint when you stand up',
  },
  {
    terms: ['sedation', 'somnolence', 'daytime sedation', 'oversedation'],
    words: 'Feeling very sleepy or slowed down during the day',
  },
  {
    terms: ['insomnia', 'sleep disturbance', 'sleep disruption', 'initial insomnia'],
    words: 'Trouble falling or staying asleep',
  },
  {
    terms: ['QTc', 'QTc prolongation', 'QT prolongation', 'prolonged QTc', 'QT'],
    words: 'Fainting, or a racing, pounding or uneven heartbeat',
  },
  { terms: ['tachycardia', 'palpitations'], words: 'A fast or pounding heartbeat' },
  {
    terms: ['serotonin syndrome', 'serotonin toxicity'],
    words: 'Shivering, sweating, a fast heartbeat, muscle twitching or confusion',
  },
  {
    terms: ['NMS', 'neuroleptic malignant syndrome'],
    words: 'High fever with very stiff muscles or confusion',
  },
  { terms: ['weight gain', 'increased appetite'], words: 'Putting on weight or feeling hungrier' },
  { terms: ['weight loss'], words: 'Losing weight without trying' },
  {
    terms: ['metabolic effects', 'metabolic syndrome', 'hyperglycemia', 'hyperglycaemia'],
    words: 'Feeling very thirsty, peeing more often or putting on weight',
  },
  // A safety matter whatever its severity: its terms live in ./suicidality.ts.
  SUICIDALITY,
  {
    terms: ['clinical worsening', 'worsening depression', 'mood worsening'],
    words: 'Your mood getting worse',
  },
  {
    terms: ['activation', 'activation syndrome', 'behavioral activation syndrome'],
    words: 'Feeling wired, jittery or unusually restless',
  },
  { terms: ['agitation'], words: 'Feeling agitated, tense or on edge' },
  {
    terms: ['hypomania', 'mania', 'manic switch', 'mood switch', 'switch to mania'],
    words: 'Unusually high energy, racing thoughts or little need for sleep',
  },
  {
    terms: ['sexual dysfunction', 'sexual side effects'],
    words: 'Changes in sex drive or sexual function',
  },
  {
    terms: ['hyponatremia', 'hyponatraemia', 'low sodium', 'SIADH'],
    words: 'Confusion, headache, muscle cramps or feeling unsteady',
  },
  {
    terms: ['rash/SJS', 'SJS', 'Stevens-Johnson syndrome', 'SJS/TEN'],
    words: 'A rash with blisters, peeling skin or sores in the mouth',
  },
  { terms: ['rash', 'skin rash'], words: 'A new skin rash' },
  {
    terms: ['anticholinergic effects', 'anticholinergic side effects', 'anticholinergic burden'],
    words: 'Dry mouth, constipation, blurry vision or trouble peeing',
  },
  { terms: ['xerostomia'], words: 'Dry mouth' },
  {
    terms: ['hyperprolactinemia', 'hyperprolactinaemia', 'elevated prolactin', 'prolactin'],
    words: 'Breast changes or leaking, or changes in periods or sex drive',
  },
  {
    terms: ['hypertension', 'elevated BP', 'increased blood pressure', 'BP elevation'],
    words: 'High blood pressure readings or new headaches',
  },
  {
    terms: [
      'discontinuation syndrome',
      'discontinuation symptoms',
      'SSRI discontinuation',
      'withdrawal symptoms',
    ],
    words: 'Dizziness, flu-like feelings, irritability or “brain zaps” after missed doses',
  },
  {
    terms: ['hepatotoxicity', 'liver toxicity', 'LFTs', 'elevated LFTs', 'liver function'],
    words: 'Yellow skin or eyes, dark urine, or pain in the upper right belly',
  },
  {
    terms: ['neutropenia', 'agranulocytosis', 'ANC', 'low white count'],
    words: 'Fever, sore throat or infections that don’t go away',
  },
  {
    terms: ['seizures', 'seizure', 'seizure risk', 'lowered seizure threshold'],
    words: 'A seizure (fit) or a blackout',
  },
  {
    terms: ['bleeding risk', 'easy bruising', 'bruising'],
    words: 'Bruising easily, or bleeding that is hard to stop',
  },
  {
    terms: ['cognitive impairment', 'cognitive dulling', 'memory impairment', 'cognitive effects'],
    words: 'Trouble thinking clearly or remembering things',
  },
  { terms: ['emotional blunting', 'apathy'], words: 'Feeling emotionally flat or numb' },
  { terms: ['paresthesia', 'paraesthesia', 'paresthesias'], words: 'Tingling or numbness' },
  { terms: ['diaphoresis', 'hyperhidrosis'], words: 'Sweating more than usual' },
  {
    terms: ['polyuria', 'polydipsia', 'polyuria/polydipsia'],
    words: 'Peeing more often or feeling very thirsty',
  },
  {
    terms: ['lithium toxicity'],
    words: 'Bad shaking, vomiting, diarrhea, unsteadiness or confusion',
  },
  { terms: ['hypothyroidism'], words: 'Feeling tired, cold or sluggish' },
  { terms: ['edema', 'oedema', 'peripheral edema'], words: 'Swollen ankles, feet or hands' },
  { terms: ['alopecia'], words: 'Hair thinning or hair loss' },
  { terms: ['bruxism'], words: 'Grinding or clenching your teeth' },
  { terms: ['vertigo'], words: 'A spinning feeling' },
  {
    terms: ['complex sleep behaviors', 'complex sleep behaviours', 'parasomnia', 'parasomnias'],
    words: 'Doing things in your sleep, like walking, eating or driving',
  },
  {
    terms: ['respiratory depression'],
    words: 'Very slow or shallow breathing, or being hard to wake',
  },
  { terms: ['fall risk', 'falls'], words: 'Falls, or feeling unsteady on your feet' },
  { terms: ['priapism'], words: 'An erection that lasts more than 4 hours' },
];

const WORDS_BY_TERM = new Map(
  MONITORING_WORDS.flatMap((entry) => entry.terms.map((t) => [normalizeTerm(t), entry.words])),
);

/** The patient's words for a monitoring term, or the term itself (trimmed) when none is listed. */
export function patientWordsFor(term: string): string {
  const trimmed = term.trim();
  for (const key of termKeys(trimmed)) {
    const words = WORDS_BY_TERM.get(key);
    if (words) return words;
  }
  return trimmed;
}

/**
 * What the patient's check-in lists to watch for: the patient's words for each term, in order,
 * each once (two terms for one thing, e.g. "GI upset" and "GI distress", give one line).
 */
export function watchListFor(terms: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const term of terms) {
    const words = patientWordsFor(term);
    const key = words.toLowerCase();
    if (words && !seen.has(key)) seen.set(key, words);
  }
  return [...seen.values()];
}
