// Check-ins and assessments (issue 6).
import type { ApiRoute } from '@/lib/api/registry';

export const patientReportRoutes: ApiRoute[] = [];
