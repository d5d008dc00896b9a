// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the existing migrations and schema.prisma.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS_DIR, diffMigrationsToSchema } from '../prisma/schema-engine';

const name = (process.argv[2] ?? '')
  .trim()
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('Usage: npm run db:migration -- <name>');
  process.exit(2);
}
const sql = await diffMigrationsToSchema();
if (!sql.trim()) {
  console.log('schema.prisma and the migrations agree: no migration written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), sql);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
process.exit(0);
