// Matrix rows of the patient reports API (issue 6). One row per route and method; see tests/support/matrix.ts.
import type { Row } from '@/tests/support/matrix';

export const patientReportRows: Row[] = [];
