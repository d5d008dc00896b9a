// PHQ-9 and GAD-7 scoring: pure, shared by the API, the UI, the factories and the seed.

import type { Instrument } from '@/lib/schemas/enums';

/** PHQ-9 or GAD-7 (lib/schemas/enums.ts). */
export type AssessmentInstrument = Instrument;

export type AssessmentSeverity = 'minimal' | 'mild' | 'moderate' | 'moderately severe' | 'severe';

export type AssessmentResult = {
  score: number;
  severity: AssessmentSeverity;
  safetyFlag: boolean;
};

type Band = { min: number; severity: AssessmentSeverity };

type InstrumentSpec = { items: number; maxScore: number; bands: readonly Band[] };

// Bands as published (Kroenke 2001 for PHQ-9, Spitzer 2006 for GAD-7), highest first.
export const INSTRUMENTS = {
  PHQ9: {
    items: 9,
    maxScore: 27,
    bands: [
      { min: 20, severity: 'severe' },
      { min: 15, severity: 'moderately severe' },
      { min: 10, severity: 'moderate' },
      { min: 5, severity: 'mild' },
      { min: 0, severity: 'minimal' },
    ],
  },
  GAD7: {
    items: 7,
    maxScore: 21,
    bands: [
      { min: 15, severity: 'severe' },
      { min: 10, severity: 'moderate' },
      { min: 5, severity: 'mild' },
      { min: 0, severity: 'minimal' },
    ],
  },
} as const satisfies Record<AssessmentInstrument, InstrumentSpec>;

/** Each item is answered 0 (not at all) to 3 (nearly every day). */
export const MAX_ITEM_ANSWER = 3;

/** PHQ-9 item 9 (thoughts of being better off dead or of self-harm) is the ninth answer. */
export const PHQ9_SAFETY_ITEM_INDEX = 8;

/** A PHQ-9 total at or above this raises a (high) safety flag for the care team. */
export const PHQ9_HIGH_TOTAL = 20;

/** The severity band of a total score; throws RangeError outside the instrument's range. */
export function severityFor(instrument: AssessmentInstrument, score: number): AssessmentSeverity {
  const spec: InstrumentSpec = INSTRUMENTS[instrument];
  if (!Number.isInteger(score) || score < 0 || score > spec.maxScore) {
    throw new RangeError(`${instrument} score must be an integer from 0 to ${spec.maxScore}.`);
  }
  const band = spec.bands.find((b) => score >= b.min);
  return (band ?? spec.bands[spec.bands.length - 1]!).severity;
}

/** Whether a PHQ-9 answer list raises a safety flag (item 9 above 0). */
export function hasSafetyFlag(
  instrument: AssessmentInstrument,
  answers: readonly number[],
): boolean {
  return instrument === 'PHQ9' && (answers[PHQ9_SAFETY_ITEM_INDEX] ?? 0) > 0;
}

/**
 * Scores a completed questionnaire. Throws RangeError when the list has the wrong length or an
 * answer is not an integer from 0 to 3.
 */
export function scoreAssessment(
  instrument: AssessmentInstrument,
  answers: readonly number[],
): AssessmentResult {
  const spec: InstrumentSpec | undefined = INSTRUMENTS[instrument];
  if (!spec) throw new RangeError(`Unknown instrument: ${String(instrument)}.`);
  if (!Array.isArray(answers) || answers.length !== spec.items) {
    throw new RangeError(`${instrument} needs exactly ${spec.items} answers.`);
  }
  answers.forEach((answer, index) => {
    if (!Number.isInteger(answer) || answer < 0 || answer > MAX_ITEM_ANSWER) {
      throw new RangeError(
        `${instrument} answer ${index + 1} must be an integer from 0 to ${MAX_ITEM_ANSWER}.`,
      );
    }
  });
  const score = answers.reduce((sum, answer) => sum + answer, 0);
  return {
    score,
    severity: severityFor(instrument, score),
    safetyFlag: hasSafetyFlag(instrument, answers),
  };
}
