// Matrix rows of the medications API (issue 4). One row per route and method; see tests/support/matrix.ts.
import type { Row } from '@/tests/support/matrix';

export const medicationRows: Row[] = [];
