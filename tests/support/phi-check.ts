// The suite-wide "no PHI in any email" check (docs/decisions/023-jobs-and-email.md): the words a
// message must never contain are read from the test database itself, every patient's name, every
// medication, and the text of every note, message and comment, so whatever any test file wrote is
// covered. Short strings (under 8 characters; medications under 4) are skipped: a one-word comment
// such as "ok" would match any email.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { ReceivedEmail } from '@/tests/support/smtp';

const TERMS_SQL = `
  SELECT name AS term, 'patient name' AS kind FROM "User" WHERE role = 'PATIENT'
  UNION SELECT medication, 'medication' FROM "MedicationChange"
  UNION SELECT medication, 'medication' FROM "MedicationState"
  UNION SELECT s #>> '{}', 'session note' FROM "SessionNote",
    jsonb_path_query(body, 'strict $.** ? (@.type() == "string")') s
  UNION SELECT body, 'note addendum' FROM "SessionNoteAddendum"
  UNION SELECT body, 'psychotherapy note' FROM "PsychotherapyNote"
  UNION SELECT body, 'care-team message' FROM "CareTeamMessage"
  UNION SELECT body, 'patient message' FROM "PatientMessage"
  UNION SELECT body, 'plan comment' FROM "PlanComment"
  UNION SELECT note, 'check-in note' FROM "CheckIn" WHERE note IS NOT NULL`;

export type PhiTerm = { term: string; kind: string };

/** Every PHI string of the database at `url` worth looking for. */
export async function phiTerms(url: string): Promise<PhiTerm[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<PhiTerm>(TERMS_SQL);
    return rows.filter(
      ({ term, kind }) => term && term.trim().length >= (kind === 'medication' ? 4 : 8),
    );
  } finally {
    await client.end();
  }
}

/** The emails of `dir`'s logs (one JSON line per message, tests/support/smtp.ts). */
export function loggedEmails(dir: string): ReceivedEmail[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split('\n'))
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReceivedEmail);
}

/** Each (email, term) where the email's raw source or decoded text contains a PHI term. */
export function findPhi(
  emails: ReceivedEmail[],
  terms: PhiTerm[],
): { messageId: string; kind: string }[] {
  const found: { messageId: string; kind: string }[] = [];
  for (const email of emails) {
    const haystack = `${email.raw}\n${email.body}`.toLowerCase();
    for (const { term, kind } of terms) {
      if (haystack.includes(term.trim().toLowerCase()))
        found.push({ messageId: email.messageId, kind });
    }
  }
  return found;
}
