// The standard wording of the PHQ-9 (Kroenke, Spitzer & Williams 2001) and GAD-7 (Spitzer et al.
// 2006), as published by Pfizer for free use. The wording must not be paraphrased: the scores
// are only valid for the questions as validated. Pure: shared by the form, the API and the tests.
import { INSTRUMENTS, type AssessmentInstrument } from '@/lib/clinical/scoring';

export type AnswerOption = { value: 0 | 1 | 2 | 3; label: string };

export type InstrumentText = {
  instrument: AssessmentInstrument;
  /** "PHQ-9" */
  name: string;
  /** What it asks about, in plain words for the patient. */
  about: string;
  stem: string;
  items: readonly string[];
  options: readonly AnswerOption[];
};

/** The four answers of every item of both questionnaires. */
export const ANSWER_OPTIONS: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

const STEM =
  'Over the last 2 weeks, how often have you been bothered by any of the following problems?';

export const PHQ9_TEXT: InstrumentText = {
  instrument: 'PHQ9',
  name: 'PHQ-9',
  about: 'Nine questions about your mood over the last two weeks.',
  stem: STEM,
  items: [
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ],
  options: ANSWER_OPTIONS,
};

export const GAD7_TEXT: InstrumentText = {
  instrument: 'GAD7',
  name: 'GAD-7',
  about: 'Seven questions about worry and anxiety over the last two weeks.',
  stem: STEM,
  items: [
    'Feeling nervous, anxious or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid as if something awful might happen',
  ],
  options: ANSWER_OPTIONS,
};

export const INSTRUMENT_TEXT: Record<AssessmentInstrument, InstrumentText> = {
  PHQ9: PHQ9_TEXT,
  GAD7: GAD7_TEXT,
};

/** The number of items of an instrument (9 or 7), from the scoring specification. */
export function itemCount(instrument: AssessmentInstrument): number {
  return INSTRUMENTS[instrument].items;
}

/** "PHQ-9" or "GAD-7". */
export function instrumentName(instrument: AssessmentInstrument): string {
  return INSTRUMENT_TEXT[instrument].name;
}

/** The URL segment of an instrument (`phq-9`, `gad-7`) and back. */
export const INSTRUMENT_SLUGS: Record<AssessmentInstrument, string> = {
  PHQ9: 'phq-9',
  GAD7: 'gad-7',
};

export function instrumentFromSlug(slug: string): AssessmentInstrument | null {
  const found = (Object.entries(INSTRUMENT_SLUGS) as [AssessmentInstrument, string][]).find(
    ([, s]) => s === slug,
  );
  return found ? found[0] : null;
}
