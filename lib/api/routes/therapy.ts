// The before-session brief, session and psychotherapy notes, messages and the timeline (issue 5).
import type { ApiRoute } from '@/lib/api/registry';

export const therapyRoutes: ApiRoute[] = [];
