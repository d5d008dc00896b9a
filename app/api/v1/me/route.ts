import { handle, ok } from '@/lib/api/handler';
import type { Me } from '@/lib/schemas/me';

// Served while a second factor must still be set up, so a client can learn who it is.
export const GET = handle(
  async (_request, { viewer }) =>
    ok({
      id: viewer.userId,
      name: viewer.name,
      email: viewer.email,
      role: viewer.role,
      organizationId: viewer.organizationId,
      ...(viewer.patientId ? { patientId: viewer.patientId } : {}),
    } satisfies Me),
  { duringEnrolment: true },
);
