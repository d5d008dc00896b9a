// Page-read rows of the patient's pages (and the trends a clinician reads on the chart).
import { expect } from 'vitest';
import { getCheckInForm } from '@/lib/data/check-ins';
import { getMyCareSummary, type MyCareSummary } from '@/lib/data/my-care';
import { getSafetyFlagStatus } from '@/lib/data/safety-flags';
import { getTrends } from '@/lib/data/trends';
import type { PatientWithAccount } from '@/tests/factories';
import {
  READERS,
  outcomes,
  type PageRead,
  type Reader,
} from '@/tests/integration/page-reads/vocabulary';

const PATIENTS: Reader[] = ['patient', 'otherPatient'];

export const patientReads: PageRead[] = [
  {
    name: 'getMyCareSummary',
    pages: ['my-care/page.tsx'],
    // A patient's own summary: it takes no patient id, each patient reads their own.
    read: (viewer) => getMyCareSummary(viewer),
    expect: outcomes(
      PATIENTS,
      READERS.filter((r) => !PATIENTS.includes(r)),
    ),
    shows: (result, w, reader) => {
      const own = w.users[reader] as PatientWithAccount;
      expect((result as MyCareSummary).patientId).toBe(own.id);
    },
  },
  {
    name: 'getCheckInForm',
    pages: ['my-care/check-in/page.tsx'],
    read: (viewer, w) => getCheckInForm(viewer, w.team.patient.id),
    expect: outcomes(['patient'], ['prescriberOnTeam', 'therapistOnTeam', 'admin']),
  },
  {
    name: 'getSafetyFlagStatus',
    pages: ['my-care/page.tsx', 'my-care/assessments/page.tsx'],
    // Status only, for the patient themself: the care team reads the flags through the API.
    read: (viewer, w) => getSafetyFlagStatus(viewer, w.team.patient.id),
    expect: outcomes(['patient'], ['prescriberOnTeam', 'therapistOnTeam', 'admin']),
  },
  {
    name: 'getTrends',
    pages: ['my-care/trends/page.tsx', 'patients/[patientId]/check-ins/page.tsx'],
    read: (viewer, w) => getTrends(viewer, w.team.patient.id, 30),
    expect: outcomes(['patient', 'prescriberOnTeam', 'therapistOnTeam'], ['admin']),
  },
];
