// npm run restore -- <file> [--into name] [--server URL] [--jobs n]: restores a backup made by
// npm run backup into a NEW database (an existing one only if it has no tables), then verifies it:
// every table's row count against the backup's manifest, and the audit trail (lib/audit-verify.ts).
// Exit code 1 when anything differs. The server is --server, else DATABASE_URL's.
import { parseArgs } from 'node:util';
import { readManifest, restoreInto, verifyRestore } from '../lib/backup';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { into: { type: 'string' }, server: { type: 'string' }, jobs: { type: 'string' } },
});
const file = positionals[0];
const server = values.server ?? process.env.DATABASE_URL?.trim();
if (!file || !server) {
  console.error(
    'Usage: npm run restore -- <file> [--into name] [--server URL] [--jobs n] (or set DATABASE_URL)',
  );
  process.exit(2);
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const manifest = await readManifest(file);
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const name = values.into ?? `triad_restore_${stamp}`;

let started = performance.now();
const target = await restoreInto(file, server, name, Number(values.jobs ?? 2));
const restoreMs = performance.now() - started;
console.log(
  `Restored ${file} (${manifest.database} as of ${manifest.takenAt}) into ${name} in ${seconds(restoreMs)}.`,
);

started = performance.now();
const result = await verifyRestore(target, manifest);
const verifyMs = performance.now() - started;
let ok = true;
if (result.mismatches.length > 0) {
  ok = false;
  console.error(
    `Row counts DIFFER from the backup's manifest:\n  ${result.mismatches.join('\n  ')}`,
  );
} else {
  console.log(`Row counts match the manifest: ${result.tables} tables, ${result.rows} rows.`);
}
const trail = result.trail;
if (trail.broken) {
  ok = false;
  console.error(`Audit trail BROKEN: ${trail.broken}.`);
} else {
  console.log(
    `Audit trail intact: ${trail.chained} chained events, ${trail.sealed} events in ${trail.seals} seals, ${trail.unsealed} not sealed yet.${trail.pruned ? ` ${trail.pruned} seals partly or wholly dropped by retention.` : ''}`,
  );
}
if (result.txidBehind) {
  ok = false;
  console.error(
    `Not ready for new audit events: ${result.txidBehind}. Advance the cluster's transaction ids first (docs/operations/backups.md).`,
  );
}
console.log(`  restore ${seconds(restoreMs)}, verification ${seconds(verifyMs)}`);
process.exit(ok ? 0 : 1);
