// `npm run cluster`: the whole production layout on this machine (docs/deployment.md): PostgreSQL
// primary and synchronous hot standby, PgBouncer, two app servers and the job worker, nginx over
// HTTPS. Prints the URL; Ctrl-C (or an error) stops everything and removes the cluster's files
// unless --keep.
//
//   npm run cluster [-- --keep]
import { parseArgs } from 'node:util';
import { startCluster, stopCluster, type Cluster } from './cluster/index';

const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });

let cluster: Cluster | undefined;
let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) console.log('Stopping the cluster…');
  stopping = true;
  // Every signal waits for the one stop (Ctrl-C arrives several times: group, npm, tsx).
  await stopCluster();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  cluster = await startCluster({ keep: values.keep });
} catch (error) {
  console.error(`cluster: ${(error as Error).message}`);
  process.exit(1);
}
console.log(`
Triad on ${cluster.url}  (self-signed certificate: ${cluster.certFile})
  nginx :8443 → app servers ${cluster.apps.map((a) => a.port).join(', ')} (and the job worker)
  → PgBouncer :${cluster.bouncer.port} → PostgreSQL primary :${cluster.primary.port}, synchronous standby :${cluster.standby.port}
  Demo accounts: see PRODUCT.md (password care-team-demo). Logs in ${cluster.root}. Ctrl-C stops everything.`);
// A process of the cluster that dies takes the cluster down with it rather than leaving it half up.
for (const managed of [
  ...cluster.apps.map((a) => a.process),
  cluster.worker,
  cluster.bouncer.process,
  cluster.proxy.process,
]) {
  void managed.exited.then(() => {
    if (stopping) return;
    console.error(`cluster: ${managed.name} exited; see ${managed.logFile}`);
    void shutdown(1);
  });
}
