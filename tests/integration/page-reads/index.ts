// Every row of the page-read authorization matrix (tests/integration/page-reads-matrix.test.ts):
// the lib/data reads that only pages (app/(app)/**) call, with no /api/v1 route to put them in the
// route matrix. A new page-only read adds ONE row to an area file here.
import { adminReads } from '@/tests/integration/page-reads/admin';
import { chartReads } from '@/tests/integration/page-reads/chart';
import { dayReads } from '@/tests/integration/page-reads/day';
import { patientReads } from '@/tests/integration/page-reads/patient';
import type { PageRead } from '@/tests/integration/page-reads/vocabulary';

export {
  READERS,
  outcomes,
  type Outcome,
  type PageRead,
  type Reader,
} from '@/tests/integration/page-reads/vocabulary';

export const pageReads: PageRead[] = [...chartReads, ...dayReads, ...patientReads, ...adminReads];
