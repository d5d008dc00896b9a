import { inject } from 'vitest';

// Before any test file imports lib/env or lib/db.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.NEXTAUTH_SECRET ??= 'integration-tests-secret-not-for-production';
