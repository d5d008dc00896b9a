// Shared by the benchmarks: a fresh database, then the app's modules loaded against it.
import { createTestDatabase } from '@/tests/support/test-database';

/** Creates and migrates a fresh database and points DATABASE_URL at it (before lib/db loads). */
export async function benchDatabase(label: string) {
  const database = await createTestDatabase(label);
  process.env.DATABASE_URL = database.url;
  if (!process.env.NEXTAUTH_SECRET)
    process.env.NEXTAUTH_SECRET = 'bench-secret-bench-secret-bench-secret';
  return database;
}

/** Runs `fn` `iterations` times (after a warm-up) and returns each duration in milliseconds. */
export async function timeIt(iterations: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(10, iterations); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
}

export function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summary(times: number[]) {
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

type AppDb = (typeof import('@/lib/db'))['db'];

/**
 * Runs one benchmark against a fresh database: the app's client is loaded only after
 * DATABASE_URL points at it; the client, the pool and the database go when `body` ends, and a
 * failure exits with status 1.
 */
export async function runBench(label: string, body: (db: AppDb) => Promise<void>) {
  try {
    const database = await benchDatabase(label);
    const { db, pool } = await import('@/lib/db');
    try {
      await body(db);
    } finally {
      await db.$disconnect();
      await pool.end();
      await database.drop();
    }
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
