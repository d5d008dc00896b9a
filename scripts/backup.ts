// npm run backup -- [--database URL] [--out file]: a pg_dump (custom format) of the database, with
// a manifest of every table's row count read in the same snapshot (lib/backup.ts). The database is
// --database, else DATABASE_URL; a real PostgreSQL server (the embedded one has no pg_dump).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backup, manifestPath } from '../lib/backup';

const { values } = parseArgs({
  options: { database: { type: 'string' }, out: { type: 'string' } },
});
const url = values.database ?? process.env.DATABASE_URL?.trim();
if (!url) {
  console.error('Usage: npm run backup -- [--database URL] [--out file] (or set DATABASE_URL)');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const out = values.out ?? path.join('backups', `triad-${stamp}.dump`);
mkdirSync(path.dirname(path.resolve(out)), { recursive: true });

const started = performance.now();
const result = await backup(url, out);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rows = Object.values(result.manifest.counts).reduce((a, b) => a + b, 0);
console.log(
  `Backed up ${result.manifest.database} as of ${result.manifest.takenAt}: ${Object.keys(result.manifest.counts).length} tables, ${rows} rows.`,
);
console.log(
  `  ${out}: ${(result.bytes / 1024 / 1024).toFixed(1)} MiB; manifest ${manifestPath(out)}`,
);
console.log(
  `  counting ${seconds(result.countMs)}, pg_dump ${seconds(result.dumpMs)}, total ${seconds(performance.now() - started)}`,
);
