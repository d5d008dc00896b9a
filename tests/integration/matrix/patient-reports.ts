// Matrix rows of the patient reports API. One row per route and method; see tests/support/matrix.ts.
import { toIsoDate } from '@/lib/format';
import { patientOnly, readers, type Row } from '@/tests/support/matrix';

export const patientReportRows: Row[] = [
  { method: 'GET', path: '/api/v1/patients/{patientId}/check-ins', expect: readers(200) },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/check-ins',
    call: async () => ({
      body: {
        localDate: toIsoDate(new Date()),
        mood: 6,
        sleepHours: 7.5,
        sideEffects: [{ name: 'Headache', severity: 'MILD' }],
      },
    }),
    expect: patientOnly(201),
  },
  { method: 'GET', path: '/api/v1/patients/{patientId}/assessments', expect: readers(200) },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/assessments',
    call: async () => ({ body: { instrument: 'GAD7', answers: [1, 1, 1, 0, 0, 1, 2] } }),
    expect: patientOnly(201),
  },
];
