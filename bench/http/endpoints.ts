// The six requests of the HTTP benchmark (issue 15), the same paths on Triad and on the raw
// baseline (bench/http-baseline.ts), and who asks each.
import type { Subjects } from './subjects';

export const ENDPOINT_NAMES = [
  'medications',
  'brief',
  'timeline',
  'caseload',
  'patients',
  'access-log',
] as const;
export type EndpointName = (typeof ENDPOINT_NAMES)[number];

export type Endpoint = {
  name: EndpointName;
  path: (patientId: string) => string;
  /** Who asks: a clinician on the patient's team, or the patient (access log). */
  as: (subjects: Subjects) => Subjects['prescriber'];
  /** Said in the output when the two servers do not answer alike. */
  note?: string;
};

const prescriber = (s: Subjects) => s.prescriber;

export const ENDPOINTS: Record<EndpointName, Endpoint> = {
  medications: {
    name: 'medications',
    path: (id) => `/api/v1/patients/${id}/medications`,
    as: prescriber,
  },
  brief: { name: 'brief', path: (id) => `/api/v1/patients/${id}/brief`, as: prescriber },
  timeline: { name: 'timeline', path: (id) => `/api/v1/patients/${id}/timeline`, as: prescriber },
  caseload: {
    name: 'caseload',
    path: () => '/caseload',
    as: prescriber,
    note: 'Triad renders the HTML page; the baseline runs the same SQL and returns JSON (no flag rules, no rendering)',
  },
  patients: { name: 'patients', path: () => '/api/v1/patients', as: prescriber },
  'access-log': {
    name: 'access-log',
    path: (id) => `/api/v1/patients/${id}/access-log`,
    as: (s) => s.patientAccount,
  },
};

/** `--endpoints a,b` read against the known names; an unknown one fails loudly. */
export function parseEndpoints(list: string): Endpoint[] {
  return list.split(',').map((raw) => {
    const name = raw.trim() as EndpointName;
    if (!ENDPOINT_NAMES.includes(name)) {
      throw new Error(`Unknown endpoint "${raw}": one of ${ENDPOINT_NAMES.join(', ')}`);
    }
    return ENDPOINTS[name];
  });
}
