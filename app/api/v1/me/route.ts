import { handle, ok } from '@/lib/api/handler';
import type { Me } from '@/lib/schemas/me';

export const GET = handle(async (_request, { viewer }) =>
  ok({
    id: viewer.userId,
    name: viewer.name,
    email: viewer.email,
    role: viewer.role,
    organizationId: viewer.organizationId,
    ...(viewer.patientId ? { patientId: viewer.patientId } : {}),
  } satisfies Me),
);
