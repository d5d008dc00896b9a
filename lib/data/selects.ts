import type { Prisma } from '@/prisma/generated/client';

// The selects that several modules of lib/data read the same way (docs/decisions/018-one-shape.md).

/** A person as answers show an author, owner or reviewer: `Person` of lib/schemas/common.ts. */
export const personSelect = {
  id: true,
  name: true,
  role: true,
} as const satisfies Prisma.UserSelect;
