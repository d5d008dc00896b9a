import type { Instrument } from '@/lib/schemas/assessments';

/** What a severity band means, said to the patient. */
export function severityMeaning(instrument: Instrument, severity: string): string {
  const about = instrument === 'PHQ9' ? 'symptoms of depression' : 'symptoms of anxiety';
  switch (severity) {
    case 'minimal':
      return `Your answers show few or no ${about}.`;
    case 'mild':
      return `Your answers show mild ${about}.`;
    case 'moderate':
      return `Your answers show moderate ${about}.`;
    case 'moderately severe':
      return `Your answers show moderately severe ${about}.`;
    default:
      return `Your answers show severe ${about}.`;
  }
}
