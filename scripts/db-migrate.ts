// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded database.
import { applyMigrations } from '../prisma/schema-engine';
import { withDatabase } from './database';

let code = 0;
await withDatabase(async (database) => {
  try {
    const applied = await applyMigrations(database.url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } catch (error) {
    console.error(
      `triad: migration failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    code = 1;
  }
});
// The WebAssembly engine leaves a timer behind that would hold the process for seconds.
process.exit(code);
