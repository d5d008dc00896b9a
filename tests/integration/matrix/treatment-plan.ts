// Matrix rows of the treatment plan API (issue 7). One row per route and method; see tests/support/matrix.ts.
import type { Row } from '@/tests/support/matrix';

export const treatmentPlanRows: Row[] = [];
