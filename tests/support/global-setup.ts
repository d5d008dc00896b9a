import type { TestProject } from 'vitest/node';
import { createTestDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDatabase: boolean;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase('it');
  project.provide('databaseUrl', database.url);
  project.provide('embeddedDatabase', !process.env.DATABASE_URL);
  return () => database.drop();
}
