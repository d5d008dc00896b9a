// Treatment plans, their versions and the patient's part in them (issue 7).
import type { ApiRoute } from '@/lib/api/registry';

export const treatmentPlanRoutes: ApiRoute[] = [];
