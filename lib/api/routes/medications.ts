// Medications: the regimen and medication changes (issue 4).
import type { ApiRoute } from '@/lib/api/registry';

export const medicationRoutes: ApiRoute[] = [];
