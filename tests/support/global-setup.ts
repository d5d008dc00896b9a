import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findPhi, loggedEmails, phiTerms } from './phi-check';
import { createTestDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDatabase: boolean;
    /** Where every test SMTP server logs what it receives (tests/support/smtp.ts). */
    smtpLogDir: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase('it');
  const smtpLogDir = mkdtempSync(path.join(tmpdir(), 'triad-smtp-'));
  project.provide('databaseUrl', database.url);
  project.provide('embeddedDatabase', !process.env.DATABASE_URL);
  project.provide('smtpLogDir', smtpLogDir);
  return async () => {
    try {
      // SECURITY: no PHI in any email, over the whole run: every message any test's SMTP server
      // received, against every patient name, medication and note text the run's tests wrote.
      const emails = loggedEmails(smtpLogDir);
      if (emails.length > 0) {
        const found = findPhi(emails, await phiTerms(database.url));
        if (found.length > 0) {
          throw new Error(`PHI in emails sent during the run: ${JSON.stringify(found)}`);
        }
        console.log(`No PHI in the ${emails.length} emails the test SMTP servers received.`);
      }
    } finally {
      rmSync(smtpLogDir, { recursive: true, force: true });
      await database.drop();
    }
  };
}
