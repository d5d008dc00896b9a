import { describe, expect, it } from 'vitest';
import { diffMigrationsToSchema } from '@/prisma/schema-engine';

describe('prisma/migrations', () => {
  it('agree with schema.prisma (run `npm run db:migration -- <name>` after editing the schema)', async () => {
    expect(await diffMigrationsToSchema()).toBe('');
  }, 60_000);
});
