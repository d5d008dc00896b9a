// Page-read rows of the clinician's pages: the caseload and the chart of a patient.
import { expect } from 'vitest';
import { listCaseload, type Caseload } from '@/lib/data/caseload';
import { getChartHeader } from '@/lib/data/chart';
import { getOverviewTrends } from '@/lib/data/medications';
import { outcomes, type PageRead, type Reader } from '@/tests/integration/page-reads/vocabulary';

const ON_TEAM: Reader[] = ['prescriberOnTeam', 'therapistOnTeam'];
const CLINICIANS: Reader[] = [
  ...ON_TEAM,
  'prescriberOffTeam',
  'therapistOffTeam',
  'otherOrgClinician',
];

/** The care team of the world's patient reads; the patient and the admin are refused (403). */
const careTeam = outcomes(ON_TEAM, ['patient', 'admin']);

export const chartReads: PageRead[] = [
  {
    name: 'listCaseload',
    pages: ['caseload/page.tsx'],
    read: (viewer) => listCaseload(viewer),
    // Every clinician has a caseload of their own; patients and admins have none.
    expect: outcomes(CLINICIANS, ['patient', 'otherPatient', 'admin']),
    shows: (result, w, reader) => {
      const ids = (result as Caseload).patients.map((p) => p.id);
      expect(ids.includes(w.team.patient.id)).toBe(ON_TEAM.includes(reader));
    },
  },
  {
    name: 'getChartHeader',
    pages: ['patients/[patientId]/layout.tsx'],
    read: (viewer, w) => getChartHeader(viewer, w.team.patient.id),
    expect: careTeam,
  },
  {
    name: 'getOverviewTrends',
    pages: ['patients/[patientId]/page.tsx'],
    read: (viewer, w) => getOverviewTrends(viewer, w.team.patient.id),
    expect: careTeam,
  },
];
