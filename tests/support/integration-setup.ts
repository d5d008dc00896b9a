import { inject } from 'vitest';

// Before any test file imports lib/env or lib/db.
process.env.DATABASE_URL = inject('databaseUrl');
// The embedded server needs every statement on one connection (lib/db.ts).
if (inject('embeddedDatabase')) process.env.DB_POOL_MAX = '1';
process.env.NEXTAUTH_SECRET ??= 'integration-tests-secret-not-for-production';
