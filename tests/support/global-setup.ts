import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findPhi, findPhiInLog, loggedEmails, phiTerms, serverLogLines } from './phi-check';
import { createTestDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDatabase: boolean;
    /** Where every test SMTP server logs what it receives (tests/support/smtp.ts). */
    smtpLogDir: string;
    /** Where every worker's server log is copied (TRIAD_LOG_FILE, tests/support/integration-setup.ts). */
    serverLogDir: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase('it');
  const smtpLogDir = mkdtempSync(path.join(tmpdir(), 'triad-smtp-'));
  project.provide('databaseUrl', database.url);
  project.provide('embeddedDatabase', !process.env.DATABASE_URL);
  project.provide('smtpLogDir', smtpLogDir);
  const serverLogDir = mkdtempSync(path.join(tmpdir(), 'triad-log-'));
  project.provide('serverLogDir', serverLogDir);
  return async () => {
    try {
      const terms = await phiTerms(database.url);
      // SECURITY: no PHI in the server log either, over the whole run: every line any test's code
      // wrote through lib/log, against the same terms (docs/decisions/030-health-logs-metrics.md).
      const lines = serverLogLines(serverLogDir);
      const inLog = findPhiInLog(lines, terms);
      if (inLog.length > 0) {
        throw new Error(`PHI in the server log written during the run: ${JSON.stringify(inLog)}`);
      }
      console.log(`No PHI in the ${lines.length} server log lines the run wrote.`);
      // SECURITY: no PHI in any email, over the whole run: every message any test's SMTP server
      // received, against every patient name, medication and note text the run's tests wrote.
      const emails = loggedEmails(smtpLogDir);
      if (emails.length > 0) {
        const found = findPhi(emails, terms);
        if (found.length > 0) {
          throw new Error(`PHI in emails sent during the run: ${JSON.stringify(found)}`);
        }
        console.log(`No PHI in the ${emails.length} emails the test SMTP servers received.`);
      }
    } finally {
      rmSync(smtpLogDir, { recursive: true, force: true });
      rmSync(serverLogDir, { recursive: true, force: true });
      await database.drop();
    }
  };
}
