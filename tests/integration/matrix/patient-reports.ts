// Matrix rows of the patient reports API (issue 6). One row per route and method; see tests/support/matrix.ts.
import type { Row } from '@/tests/support/matrix';
import { toIsoDate } from '@/lib/format';

const readers = {
  signedOut: 401,
  patient: 200,
  otherPatient: 404,
  prescriberOnTeam: 200,
  prescriberOffTeam: 404,
  therapistOnTeam: 200,
  therapistOffTeam: 404,
  admin: 403,
  otherOrgClinician: 404,
};

const patientOnly = (status: number) => ({
  ...readers,
  patient: status,
  prescriberOnTeam: 403,
  therapistOnTeam: 403,
});

export const patientReportRows: Row[] = [
  { method: 'GET', path: '/api/v1/patients/{patientId}/check-ins', expect: readers },
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
  { method: 'GET', path: '/api/v1/patients/{patientId}/assessments', expect: readers },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/assessments',
    call: async () => ({ body: { instrument: 'GAD7', answers: [1, 1, 1, 0, 0, 1, 2] } }),
    expect: patientOnly(201),
  },
];
