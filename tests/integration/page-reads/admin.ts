// Page-read rows of the organization's administration (the admin's pages) and of the account
// notice every signed-in page shows: reads outside one patient's record.
import { expect } from 'vitest';
import { getSignInNotice } from '@/lib/data/accounts';
import { getOrganizationOverview, type OrganizationOverview } from '@/lib/data/organization';
import { listSecondFactorAccounts } from '@/lib/data/second-factor';
import {
  READERS,
  outcomes,
  type PageRead,
  type Reader,
} from '@/tests/integration/page-reads/vocabulary';

/** The organization's admin reads; every other signed-in reader is refused (403). */
const adminOnly = outcomes(
  ['admin'],
  READERS.filter((r): r is Reader => r !== 'admin'),
);

export const adminReads: PageRead[] = [
  {
    name: 'getOrganizationOverview',
    pages: ['admin/page.tsx'],
    read: (viewer) => getOrganizationOverview(viewer),
    expect: adminOnly,
    shows: (result, w) => {
      const teams = (result as OrganizationOverview).careTeams.items.map((t) => t.patientId);
      expect(teams).toContain(w.team.patient.id);
    },
    // One event naming every patient whose care team the page shows (each patient's log shows it).
    audits: 1,
  },
  {
    name: 'listSecondFactorAccounts',
    pages: ['admin/security/page.tsx'],
    read: (viewer) => listSecondFactorAccounts(viewer),
    expect: adminOnly,
  },
  {
    name: 'getSignInNotice',
    pages: ['layout.tsx'],
    // Every account holder reads their own notice; it touches no patient data, so no audit.
    read: (viewer) => getSignInNotice(viewer),
    expect: outcomes(READERS, []),
    shows: (result) => expect(result).toEqual({ failedAttempts: expect.any(Number) }),
    audits: 0,
  },
];
