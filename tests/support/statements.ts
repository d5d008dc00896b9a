// Counting the SQL statements a piece of work sends to PostgreSQL, BEGIN and COMMIT included:
// every statement of the app's pool (Prisma's adapter and the raw queries alike) goes through
// pg.Client#query, so that is where they are counted.
import pg from 'pg';

type Query = typeof pg.Client.prototype.query;

/** The statements `work` sent, in order (the SQL text of each, first line), and its result. */
export async function countStatements<T>(
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original: Query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<Query>) {
    const [first] = args as unknown[];
    const text =
      typeof first === 'string' ? first : String((first as { text?: string })?.text ?? first);
    statements.push(text.replace(/\s+/g, ' ').trim().slice(0, 160));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as Query;
  try {
    const result = await work();
    return { result, statements };
  } finally {
    pg.Client.prototype.query = original;
  }
}
