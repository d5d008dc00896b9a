// Samples pg_stat_activity every 100 ms from its own connection while a load runs: how many
// backends of the database waited on a lock (and on which), and the most that were active at
// once. Issue 15's target is no lock wait at all.
import pg from 'pg';

export type Activity = {
  samples: number;
  lockWaits: number;
  /** wait_event → samples, for the lock waits only. */
  lockEvents: Record<string, number>;
  maxActive: number;
};

export type Sampler = { stop: () => Promise<Activity> };

export async function sampleActivity(databaseUrl: string, everyMs = 100): Promise<Sampler> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const activity: Activity = { samples: 0, lockWaits: 0, lockEvents: {}, maxActive: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{
        state: string | null;
        type: string | null;
        event: string | null;
      }>(
        `SELECT state, wait_event_type AS type, wait_event AS event FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      activity.samples += 1;
      activity.maxActive = Math.max(
        activity.maxActive,
        rows.filter((r) => r.state === 'active').length,
      );
      for (const row of rows.filter((r) => r.type === 'Lock')) {
        activity.lockWaits += 1;
        const key = row.event ?? 'unknown';
        activity.lockEvents[key] = (activity.lockEvents[key] ?? 0) + 1;
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await client.end();
      return activity;
    },
  };
}
