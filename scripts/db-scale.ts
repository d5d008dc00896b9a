// npm run db:scale [-- --replace]: builds the scale dataset (scripts/scale/) in its own database,
// DATABASE_URL or postgresql://postgres@127.0.0.1:5432/triad_scale: created when missing,
// refused when it already holds data (unless --replace, which drops and recreates it).
import pg from 'pg';
import { hashPassword } from '@/lib/auth/password';
import { applyMigrations } from '@/prisma/schema-engine';
import { layoutFor, scaleSizes } from './scale/layout';
import { loadScaleDataset, type StepTime } from './scale/load';
import { countRows, readScaleFacts } from './scale/facts';

const DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432/triad_scale';
/** Every scale account's password (one argon2id hash, shared), so a benchmark can sign in. */
export const SCALE_PASSWORD = process.env.SCALE_PASSWORD ?? 'scale-dataset-password';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the database holds any row of an organization, a user or an audit event. */
async function holdsData(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ t: string | null }>(
      `SELECT to_regclass('"Organization"')::text AS t`,
    );
    if (!rows[0]?.t) return false;
    const found = await client.query(
      `SELECT 1 FROM "Organization" UNION ALL SELECT 1 FROM "User" UNION ALL SELECT 1 FROM "AuditEvent" LIMIT 1`,
    );
    return found.rowCount! > 0;
  });
}

/** Creates the database if missing (or anew with --replace); false when it must not be touched. */
async function prepare(url: string, replace: boolean): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[\w-]+$/.test(name)) throw new Error(`Unexpected database name "${name}".`);
  const server = new URL(url);
  server.pathname = '/postgres';
  return withClient(server.toString(), async (admin) => {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount! > 0;
    if (exists && replace) await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    else if (exists && (await holdsData(url))) {
      console.error(
        `triad: database "${name}" already holds data; the scale dataset loads only into an empty database.\n` +
          `Run \`npm run db:scale -- --replace\` to drop and rebuild it, or set DATABASE_URL to another database.`,
      );
      return false;
    }
    if (!exists || replace) await admin.query(`CREATE DATABASE "${name}"`);
    return true;
  });
}

function report(times: StepTime[], counts: Record<string, number>) {
  for (const { step, ms } of times) console.log(`  ${(ms / 1000).toFixed(1).padStart(7)} s  ${step}`);
  console.log('Rows:');
  for (const [table, n] of Object.entries(counts)) console.log(`  ${String(n).padStart(10)}  ${table}`);
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL?.trim() || DEFAULT_URL;
  const layout = layoutFor(scaleSizes());
  const started = performance.now();
  if (!(await prepare(url, process.argv.includes('--replace')))) return 1;
  const times: StepTime[] = [];
  let step = performance.now();
  await applyMigrations(url);
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  times.push({ step: 'create, migrate, hash the password', ms: Math.round(performance.now() - step) });
  console.log(`Loading the scale dataset into ${url} (anchor ${layout.anchor})...`);
  times.push(...(await loadScaleDataset(url, layout, passwordHash)));
  step = performance.now();
  const counts = await withClient(url, countRows);
  times.push({ step: 'count', ms: Math.round(performance.now() - step) });
  report(times, counts);
  const facts = await withClient(url, readScaleFacts);
  console.log(`Accounts (password "${SCALE_PASSWORD}"):`);
  console.log(`  prescriber with the largest caseload (${facts?.prescriber.caseload}): ${facts?.prescriber.email} (${facts?.prescriber.id})`);
  console.log(`  therapist of one of those patients: ${facts?.therapist.email} (${facts?.therapist.id})`);
  console.log(`  patient on that caseload: ${facts?.patient.email} (patient id ${facts?.patient.id})`);
  console.log(`  admin: ${facts?.admin.email}`);
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
