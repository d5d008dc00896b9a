// The suite-wide "no PHI in any email" check (docs/decisions/023-jobs-and-email.md), and the same
// for every server log line (docs/decisions/030-health-logs-metrics.md): the words a
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

/** Every line of the server logs in `dir` (one file per test worker, TRIAD_LOG_FILE). */
export function serverLogLines(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split('\n'))
    .filter(Boolean);
}

/** The string values of a parsed log line, at any depth. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Each (log line, term) where the line contains a PHI term: the line's message and the kind. */
export function findPhiInLog(lines: string[], terms: PhiTerm[]): { msg: string; kind: string }[] {
  const found: { msg: string; kind: string }[] = [];
  for (const line of lines) {
    let parsed: { msg?: unknown } | null = null;
    try {
      parsed = JSON.parse(line) as { msg?: unknown };
    } catch {
      // Not JSON (it should be): searched as written.
    }
    // As written and with its strings unescaped: JSON escapes a quote or a control character.
    const haystack = [line, ...strings(parsed)].join('\n').toLowerCase();
    const msg = typeof parsed?.msg === 'string' ? parsed.msg : '(not JSON)';
    for (const { term, kind } of terms) {
      if (haystack.includes(term.trim().toLowerCase())) found.push({ msg, kind });
    }
  }
  return found;
}
