// Page-read rows of the clinician's pages: the caseload and the chart of a patient.
import { expect } from 'vitest';
import { listCaseload, type Caseload } from '@/lib/data/caseload';
import { getChartHeader } from '@/lib/data/chart';
import { getOverviewTrends } from '@/lib/data/medications';
import type { Outcome, PageRead, Reader } from '@/tests/integration/page-reads';

/** The care team of the world's patient reads; everyone else in the organization is refused. */
const careTeam: Record<Reader, Outcome> = {
  patient: 'forbidden',
  otherPatient: 'notFound',
  prescriberOnTeam: 'allowed',
  prescriberOffTeam: 'notFound',
  therapistOnTeam: 'allowed',
  therapistOffTeam: 'notFound',
  admin: 'forbidden',
  otherOrgClinician: 'notFound',
};

const ON_TEAM: Reader[] = ['prescriberOnTeam', 'therapistOnTeam'];

export const chartReads: PageRead[] = [
  {
    name: 'listCaseload',
    pages: ['caseload/page.tsx'],
    read: (viewer) => listCaseload(viewer),
    // Every clinician has a caseload of their own; patients and admins have none.
    expect: {
      patient: 'forbidden',
      otherPatient: 'forbidden',
      prescriberOnTeam: 'allowed',
      prescriberOffTeam: 'allowed',
      therapistOnTeam: 'allowed',
      therapistOffTeam: 'allowed',
      admin: 'forbidden',
      otherOrgClinician: 'allowed',
    },
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
