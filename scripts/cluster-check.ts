// `npm run cluster:check`: starts the local cluster (scripts/cluster/index.ts), then
// 1. the journey: signs in through nginx as a demo prescriber, writes a message in a patient's
//    conversation and reads it back, until the write and the read were answered by different app
//    servers (X-Served-By, set by nginx) — one session cookie, no sticky sessions;
// 2. throughput: autocannon on an audited read (a patient's medications) through nginx over both
//    app servers against one app server behind the same nginx, and the ratio.
// Stops the cluster at the end, on error and on Ctrl-C.
//
//   npm run cluster:check [-- --seconds 15 --connections 32 --rounds 4 --keep]
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { ClusterClient } from './cluster/client';
import { cpuReport, cpuSnapshot } from './cluster/cpu';
import { DEMO, firstPatientOf } from './cluster/demo';
import { startCluster, stopCluster, type Cluster } from './cluster/index';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
  },
});

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function journey(cluster: Cluster, client: ClusterClient, patientId: string) {
  const path = `/api/v1/patients/${patientId}/conversation`;
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    const body = `Cluster check ${new Date().toISOString()} #${attempt}`;
    const written = await client.request('POST', path, { body: { body } });
    check(written.status === 201, `POST ${path} answered ${written.status}: ${written.text}`);
    const read = await client.request('GET', `${path}?limit=50`);
    check(read.status === 200, `GET ${path} answered ${read.status}`);
    const found = read.json().items.some((m: { id: string }) => m.id === written.json().id);
    check(found, `the message written through ${written.headers['x-served-by']} was not read back`);
    const [by, readBy] = [written.headers['x-served-by'], read.headers['x-served-by']];
    console.log(`  write answered by ${by}, read by ${readBy}`);
    if (by !== readBy) return { writtenBy: by, readBy };
  }
  throw new Error(
    `10 writes and reads never spread over two app servers (${cluster.apps.length} running)`,
  );
}

async function throughput(url: string, cookie: string, ca: Buffer) {
  const result = await autocannon({
    url,
    connections: Number(values.connections),
    duration: Number(values.seconds),
    headers: { cookie },
    tlsOptions: { ca },
    timeout: 30,
  } as autocannon.Options);
  const failures = result.non2xx + result.errors + result.timeouts;
  check(failures === 0, `${failures} of ${result.requests.total} requests failed at ${url}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main(cluster: Cluster) {
  const client = new ClusterClient(cluster.url, cluster.certFile);
  await client.signIn(DEMO.email, DEMO.password);
  console.log(`Signed in through nginx as ${DEMO.email}`);
  const patient = await firstPatientOf(client);
  const spread = await journey(cluster, client, patient.id);
  console.log(
    `Journey: written on ${spread.writtenBy}, read back on ${spread.readBy}, one session.`,
  );

  await compareThroughput(
    cluster,
    client.cookieHeader,
    `/api/v1/patients/${patient.id}/medications`,
  );
}

/**
 * Both app servers through nginx against the first alone through the same nginx (its /_one/
 * location: same TLS, same proxying), in alternating rounds so that a change in the machine's
 * load (it is shared) falls on both sides; the figures are the means of the rounds.
 */
async function compareThroughput(cluster: Cluster, cookie: string, read: string) {
  const ca = readFileSync(cluster.certFile);
  const [both, one] = [`${cluster.url}${read}`, `${cluster.url}/_one${read}`];
  console.log(
    `Throughput on GET ${read} (${values.connections} connections, ${values.seconds} s per run, ${values.rounds} rounds):`,
  );
  await throughput(both, cookie, ca); // warm-up of both servers, not counted
  const runs: { both: number[]; one: number[] } = { both: [], one: [] };
  for (let round = 1; round <= Number(values.rounds); round += 1) {
    // Alternating order too (both, one, one, both, …): a load that drifts in one direction
    // then favours neither side.
    const order = [
      ['both', both],
      ['one', one],
    ] as const;
    for (const [side, url] of round % 2 === 1 ? order : [...order].reverse()) {
      const before = cpuSnapshot();
      const result = await throughput(url, cookie, ca);
      const cpu = cpuReport(before, cpuSnapshot());
      runs[side].push(result.rps);
      console.log(
        `  round ${round}, ${side === 'both' ? `nginx → ${cluster.apps.length} app servers` : 'nginx → 1 app server '}: ${result.rps.toFixed(1)} req/s (p50 ${result.p50} ms, p99 ${result.p99} ms)\n    ${cpu}`,
      );
    }
  }
  const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const [meanBoth, meanOne] = [mean(runs.both), mean(runs.one)];
  console.log(
    `  mean: ${meanBoth.toFixed(1)} vs ${meanOne.toFixed(1)} req/s, ratio ${(meanBoth / meanOne).toFixed(2)}× (target ≥ 1.3×)`,
  );
}

let cluster: Cluster | undefined;
const stop = async (code: number) => {
  await stopCluster();
  process.exit(code);
};
process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));
try {
  cluster = await startCluster({ keep: values.keep });
  await main(cluster);
  await stop(0);
} catch (error) {
  console.error(`cluster:check: ${(error as Error).message}`);
  await stop(1);
}
