// `npm run drill:failover`: starts the local cluster (scripts/cluster/index.ts); while writers post
// audited writes (messages in a patient's conversation) through nginx and record every one that was
// acknowledged (201 with its id), kills the primary's postmaster with SIGKILL, promotes the standby,
// points PgBouncer at it (its [databases] line rewritten, RELOAD), and measures how long until the
// app acknowledges writes again, with the app servers never restarted. Then checks, on the new
// primary, that every acknowledged write is there. Fails when one is missing or recovery took
// more than 30 s. The failure is detected by the script, not by a monitor: the time measured
// starts at the kill and includes promotion and the repoint, not a monitor's detection delay.
//
//   npm run drill:failover [-- --writers 4 --before 8 --after 10 --keep]
import { parseArgs } from 'node:util';
import { firstPatientOf, DEMO } from './cluster/demo';
import { ClusterClient } from './cluster/client';
import { startCluster, stopCluster, type Cluster } from './cluster/index';
import { promote, query } from './cluster/postgres';
import { alive } from './cluster/processes';

const { values } = parseArgs({
  options: {
    writers: { type: 'string', default: '4' },
    before: { type: 'string', default: '8' },
    after: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
  },
});
const RECOVERY_LIMIT_MS = 30_000;

type Outcome = { sentAt: number; doneAt: number; id?: string; status: number | string };

/** One writer: posts messages one after another until told to stop, recording each outcome. */
async function writer(
  client: ClusterClient,
  path: string,
  n: number,
  outcomes: Outcome[],
  done: () => boolean,
) {
  for (let i = 0; !done(); i += 1) {
    const sentAt = Date.now();
    try {
      const answer = await client.request('POST', path, {
        body: { body: `drill w${n} #${i}` },
        timeoutMs: 15_000,
      });
      const id = answer.status === 201 ? (answer.json().id as string) : undefined;
      outcomes.push({ sentAt, doneAt: Date.now(), id, status: answer.status });
      if (!id) await new Promise((resolve) => setTimeout(resolve, 100));
    } catch (error) {
      outcomes.push({ sentAt, doneAt: Date.now(), status: (error as Error).message });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

async function failover(cluster: Cluster) {
  const killedAt = Date.now();
  cluster.primary.process.child.kill('SIGKILL');
  await cluster.primary.process.exited;
  await promote(cluster.standby);
  const promotedAt = Date.now();
  await cluster.bouncer.repoint(cluster.standby.port);
  const repointedAt = Date.now();
  console.log(
    `Primary killed; standby promoted after ${promotedAt - killedAt} ms, PgBouncer repointed after ${repointedAt - killedAt} ms`,
  );
  return killedAt;
}

async function main(cluster: Cluster) {
  const client = new ClusterClient(cluster.url, cluster.certFile);
  await client.signIn(DEMO.email, DEMO.password);
  const patient = await firstPatientOf(client);
  const path = `/api/v1/patients/${patient.id}/conversation`;
  const appPids = cluster.apps.map((app) => app.process.child.pid);

  const outcomes: Outcome[] = [];
  let stop = false;
  const writers = Array.from({ length: Number(values.writers) }, (_, n) =>
    writer(client, path, n, outcomes, () => stop),
  );
  await sleep(Number(values.before));
  const killedAt = await failover(cluster);
  // Recovered: the first write sent after the kill that was acknowledged.
  const recovered = () => outcomes.find((o) => o.sentAt >= killedAt && o.id);
  while (!recovered() && Date.now() - killedAt < 60_000) await sleep(0.1);
  await sleep(Number(values.after));
  stop = true;
  await Promise.all(writers);

  const acknowledged = outcomes.filter((o) => o.id).map((o) => o.id!);
  const present = await query<{ id: string }>(
    cluster.directUrl(cluster.standby),
    'SELECT id FROM "PatientMessage" WHERE id = ANY($1::uuid[])',
    [acknowledged],
  );
  const presentIds = new Set(present.map((row) => row.id));
  const missing = acknowledged.filter((id) => !presentIds.has(id));
  const failed = outcomes.filter((o) => !o.id);
  const first = recovered();
  const recoveryMs = first ? first.doneAt - killedAt : Infinity;
  const restarted = cluster.apps.some(
    (app, i) => !alive(app.process) || app.process.child.pid !== appPids[i],
  );

  console.log(
    `Writes acknowledged: ${acknowledged.length} (${outcomes.filter((o) => o.id && o.doneAt < killedAt).length} before the kill, ${outcomes.filter((o) => o.id && o.sentAt >= killedAt).length} sent after it)`,
  );
  console.log(
    `Writes not acknowledged (errors during the failover, retried by a client): ${failed.length} — ${[...new Set(failed.map((o) => String(o.status)))].join(', ') || 'none'}`,
  );
  console.log(
    `Acknowledged writes present on the new primary: ${acknowledged.length - missing.length} of ${acknowledged.length}`,
  );
  console.log(
    `Time from the kill to the first acknowledged write: ${first ? `${(recoveryMs / 1000).toFixed(1)} s` : 'never (within 60 s)'}`,
  );
  console.log(`App servers restarted: ${restarted ? 'yes' : 'no'}`);
  if (missing.length > 0)
    throw new Error(
      `${missing.length} acknowledged writes are missing: ${missing.slice(0, 5).join(', ')}`,
    );
  if (recoveryMs > RECOVERY_LIMIT_MS)
    throw new Error(`recovery took longer than ${RECOVERY_LIMIT_MS / 1000} s`);
  if (restarted) throw new Error('an app server exited during the drill');
  console.log('Drill passed.');
}

let cluster: Cluster | undefined;
const finish = async (code: number) => {
  await stopCluster();
  process.exit(code);
};
process.on('SIGINT', () => void finish(130));
process.on('SIGTERM', () => void finish(143));
try {
  cluster = await startCluster({ keep: values.keep });
  await main(cluster);
  await finish(0);
} catch (error) {
  console.error(`drill:failover: ${(error as Error).message}`);
  await finish(1);
}
