// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded database.
import { applyMigrations } from '../prisma/schema-engine';
import { withDatabase } from './database';

await withDatabase(async (database) => {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
});
// The WebAssembly engine leaves a timer behind that would hold the process for seconds.
process.exit(0);
