import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';

describe('the test database', () => {
  it('is migrated and reachable through the app client', async () => {
    expect(await db.organization.count()).toBeGreaterThanOrEqual(0);
  });
});
