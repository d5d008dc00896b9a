// Matrix rows of the medications API (issue 4). One row per route and method; see tests/support/matrix.ts.
import { randomUUID } from 'node:crypto';
import { toIsoDate } from '@/lib/format';
import type { Row, Subject } from '@/tests/support/matrix';

const readers: Record<Subject, number> = {
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

export const medicationRows: Row[] = [
  { method: 'GET', path: '/api/v1/patients/{patientId}/medications', expect: readers },
  { method: 'GET', path: '/api/v1/patients/{patientId}/medication-changes', expect: readers },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/medication-changes',
    call: async () => ({
      body: {
        action: 'START',
        medication: `Matrixamine ${randomUUID().slice(0, 8)}`,
        dose: 10,
        unit: 'mg',
        frequency: 'once daily',
        route: 'oral',
        effectiveDate: toIsoDate(new Date()),
        reason: 'Matrix check.',
      },
    }),
    expect: {
      signedOut: 401,
      patient: 403,
      otherPatient: 404,
      prescriberOnTeam: 201,
      prescriberOffTeam: 404,
      therapistOnTeam: 403,
      therapistOffTeam: 404,
      admin: 403,
      otherOrgClinician: 404,
    },
  },
];
