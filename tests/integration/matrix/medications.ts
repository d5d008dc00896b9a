// Matrix rows of the medications API. One row per route and method; see tests/support/matrix.ts.
import { randomUUID } from 'node:crypto';
import { toIsoDate } from '@/lib/format';
import { readers, type Row } from '@/tests/support/matrix';

export const medicationRows: Row[] = [
  { method: 'GET', path: '/api/v1/patients/{patientId}/medications', expect: readers(200) },
  { method: 'GET', path: '/api/v1/patients/{patientId}/medication-changes', expect: readers(200) },
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
    expect: { ...readers(403), prescriberOnTeam: 201 },
  },
];
