// The v1 API's one registry: every route definition, gathered from lib/api/routes/<area>.ts. The
// route files under app/api/v1 export `handlersFor(path)`, the OpenAPI document is generated from
// it, and the authorization-matrix test checks that it lists exactly the routes under app/api/v1
// and that every answer fits its schema. A new endpoint adds its definition to its area's file
// (and its row to tests/integration/matrix/<area>.ts).
import { z } from 'zod';
import { defineRoute, type ApiRoute, type RouteHandler } from '@/lib/api/define-route';
import { openApiDocument } from '@/lib/api/openapi';
import { accountRoutes } from '@/lib/api/routes/accounts';
import { appointmentRoutes } from '@/lib/api/routes/appointments';
import { calendarRoutes } from '@/lib/api/routes/calendar';
import { contactRoutes } from '@/lib/api/routes/contact';
import { conversationRoutes } from '@/lib/api/routes/conversation';
import { coreRoutes } from '@/lib/api/routes/core';
import { liveRoutes } from '@/lib/api/routes/live';
import { medicationRoutes } from '@/lib/api/routes/medications';
import { notificationRoutes } from '@/lib/api/routes/notifications';
import { outboxRoutes } from '@/lib/api/routes/outbox';
import { patientReportRoutes } from '@/lib/api/routes/patient-reports';
import { recordExportRoutes } from '@/lib/api/routes/record-export';
import { reminderRoutes } from '@/lib/api/routes/reminders';
import { safetyFlagRoutes } from '@/lib/api/routes/safety-flags';
import { safetyPlanRoutes } from '@/lib/api/routes/safety-plan';
import { securityRoutes } from '@/lib/api/routes/security';
import { therapyRoutes } from '@/lib/api/routes/therapy';
import { treatmentPlanRoutes } from '@/lib/api/routes/treatment-plan';

export type { ApiRoute, HttpMethod } from '@/lib/api/define-route';

const documentRoute: ApiRoute<'GET', '/api/v1/openapi.json'> = defineRoute({
  method: 'GET',
  path: '/api/v1/openapi.json',
  tag: 'Session',
  summary: 'This document',
  who: 'Anyone.',
  public: true,
  success: {
    status: 200,
    description: 'The OpenAPI 3.1 document.',
    schema: z.looseObject({
      openapi: z.literal('3.1.0'),
      paths: z.record(z.string(), z.unknown()),
    }),
  },
  handler: async (): Promise<unknown> => openApiDocument(apiRoutes),
});

/** Every /api/v1 route. Keep in step with app/api/v1 (tests/integration/api-matrix.test.ts). */
export const apiRoutes = [
  ...coreRoutes,
  ...medicationRoutes,
  ...therapyRoutes,
  ...patientReportRoutes,
  ...safetyFlagRoutes,
  ...treatmentPlanRoutes,
  ...contactRoutes,
  ...safetyPlanRoutes,
  ...accountRoutes,
  ...securityRoutes,
  ...notificationRoutes,
  ...conversationRoutes,
  ...outboxRoutes,
  ...liveRoutes,
  ...reminderRoutes,
  ...appointmentRoutes,
  ...calendarRoutes,
  ...recordExportRoutes,
  documentRoute,
] as const satisfies readonly ApiRoute[];

type Registered = (typeof apiRoutes)[number];

/** The handlers of every method of one path, as its app/api/v1 route file exports them. */
export function handlersFor<const P extends Registered['path']>(
  path: P,
): { [R in Registered as R['path'] extends P ? R['method'] : never]: RouteHandler } {
  const routes: ApiRoute[] = apiRoutes.filter((route) => route.path === path);
  return Object.fromEntries(routes.map((route) => [route.method, route.serve])) as never;
}
