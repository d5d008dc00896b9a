import { handle, ok, readBody } from '@/lib/api/handler';
import { getOrganizationSecurity, updateOrganizationSecurity } from '@/lib/data/second-factor';
import { OrganizationSecurityInput } from '@/lib/schemas/security';

export const GET = handle(async (_request, { viewer }) =>
  ok(await getOrganizationSecurity(viewer)),
);

export const PUT = handle(async (request, { viewer }) =>
  ok(await updateOrganizationSecurity(viewer, await readBody(request, OrganizationSecurityInput))),
);
