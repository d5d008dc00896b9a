// What the FHIR export's builders share: code systems, the questionnaires' LOINC codes, stable ids.
import { createHash } from 'node:crypto';
import type { CodeableConcept, Resource } from '@medplum/fhirtypes';

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** LOINC totals of the questionnaires (docs/decisions/032-record-export.md). */
export const QUESTIONNAIRE_CODES = {
  PHQ9: {
    code: '44261-6',
    display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
  },
  GAD7: {
    code: '70274-6',
    display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
  },
} as const;

/** A stable UUID for a record without one of its own (a goal, a regimen line): its name, hashed. */
export function uuidOf(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type Entry = { id: string; resource: Resource };
export const urn = (id: string) => `urn:uuid:${id}`;
export const text = (value: string): CodeableConcept => ({ text: value });
export const survey: CodeableConcept[] = [
  { coding: [{ system: CATEGORY, code: 'survey', display: 'Survey' }] },
];
