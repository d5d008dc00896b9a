// Every row of the page-read authorization matrix (tests/integration/page-reads-matrix.test.ts):
// the lib/data reads that only pages (app/(app)/**) call, with no /api/v1 route to put them in the
// route matrix. A new page-only read adds ONE row to an area file here.
import type { Viewer } from '@/lib/auth/viewer';
import type { Subject, World } from '@/tests/integration/matrix';
import { chartReads } from '@/tests/integration/page-reads/chart';
import { patientReads } from '@/tests/integration/page-reads/patient';

/** A page read runs as a signed-in viewer: a signed-out visitor never reaches lib/data. */
export type Reader = Exclude<Subject, 'signedOut'>;
export const READERS: Reader[] = [
  'patient',
  'otherPatient',
  'prescriberOnTeam',
  'prescriberOffTeam',
  'therapistOnTeam',
  'therapistOffTeam',
  'admin',
  'otherOrgClinician',
];

/** What a read does for one reader: answers, or refuses with NotFoundError or ForbiddenError. */
export type Outcome = 'allowed' | 'notFound' | 'forbidden';

export type PageRead = {
  /** The lib/data function, as pages import it. */
  name: string;
  /** The pages that call it (under app/(app)). */
  pages: string[];
  /** Calls the real function as `viewer`, on the world's team patient where it takes one. */
  read: (viewer: Viewer, w: World) => Promise<unknown>;
  expect: Record<Reader, Outcome>;
  /** For an allowed read: what it must (not) show this reader (scope of a list, own record). */
  shows?: (result: unknown, w: World, reader: Reader) => void;
  /** Audit events the reader's account adds per call (1 unless said otherwise). */
  audits?: number;
};

export const pageReads: PageRead[] = [...chartReads, ...patientReads];
