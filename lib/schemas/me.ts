import { z } from 'zod';
import { ROLES } from '@/lib/schemas/enums';
import { Id } from '@/lib/schemas/common';

/** GET /api/v1/me: the signed-in account. */
export const Me = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  organizationId: Id,
  patientId: Id.optional(),
});
export type Me = z.infer<typeof Me>;
