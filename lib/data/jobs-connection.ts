import 'server-only';
// pg-boss's way into the database when the app's pool must be shared (the embedded PGlite server
// mixes up the statements of concurrent connections: docs/decisions/004-embedded-database.md).
// Each call is one pool.query, as pg-boss's own connection does it: a statement list without
// parameters goes as one simple query, so pg-boss's BEGIN … COMMIT blocks stay whole.
import { pool } from '@/lib/db';

/** pg-boss's `db` option over the process's one pool (lib/jobs, the embedded database only). */
export const sharedJobsConnection = {
  executeSql: async (text: string, values: unknown[] = []) => {
    const result = await pool.query(text, values);
    return { rows: result.rows };
  },
};
