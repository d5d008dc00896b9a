// Matrix rows of the therapy API (issue 5). One row per route and method; see tests/support/matrix.ts.
import type { Row } from '@/tests/support/matrix';

export const therapyRows: Row[] = [];
