import { inject } from 'vitest';

// Before any test file imports lib/env or lib/db.
process.env.DATABASE_URL = inject('databaseUrl');
// The embedded server needs every statement on one connection (lib/db.ts), and requests wait
// their turn for it.
if (inject('embeddedDatabase')) {
  process.env.DB_POOL_MAX = '1';
  process.env.DB_CONNECT_TIMEOUT_MS = '15000';
}
process.env.NEXTAUTH_SECRET ??= 'integration-tests-secret-not-for-production';
// Every line lib/log writes also goes to a file per worker, which the global teardown reads for PHI
// (tests/support/global-setup.ts). Before any test file imports lib/log.
process.env.TRIAD_LOG_FILE = `${inject('serverLogDir')}/worker-${process.pid}.jsonl`;
