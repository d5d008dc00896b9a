import 'dotenv/config';
import { defineConfig } from 'prisma/config';

// The datasource URL is only needed by Prisma's own CLI (on machines where it can download its
// engine); Triad's scripts choose the database in lib/database-url.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/triad' },
});
