import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { checkConnection, DatabaseStartError, freePort, startEmbedded } from '@/scripts/database';

describe('choosing the database', () => {
  it('refuses a malformed DATABASE_URL with one clear line', async () => {
    const error = await checkConnection('not a url').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect((error as Error).message).toMatch(/^DATABASE_URL is not a valid URL/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses a URL that is not PostgreSQL', async () => {
    await expect(checkConnection('mysql://root@127.0.0.1/test')).rejects.toThrow(
      /must start with postgresql:\/\//,
    );
  });

  it('names the server it cannot reach, in one line', async () => {
    const port = await freePort();
    const error = await checkConnection(`postgresql://postgres@127.0.0.1:${port}/triad`).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port}/triad: `),
    );
    expect((error as Error).message).not.toContain('\n');
  });

  it('accepts the test database the run is using', async () => {
    await expect(checkConnection(process.env.DATABASE_URL!)).resolves.toBeUndefined();
  });
});

describe('the embedded database', () => {
  it('keeps its data across a stop and a start', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'triad-pglite-'));
    try {
      const first = await startEmbedded({ dataDir, port: await freePort() });
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query('CREATE TABLE kept (note text)');
      await client.query("INSERT INTO kept VALUES ('still here')");
      await client.end();
      await first.stop();

      const second = await startEmbedded({ dataDir, port: await freePort() });
      const again = new pg.Client({ connectionString: second.url });
      await again.connect();
      const { rows } = await again.query('SELECT note FROM kept');
      await again.end();
      await second.stop();
      expect(rows).toEqual([{ note: 'still here' }]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
