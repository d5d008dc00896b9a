// npm run audit:verify: checks the whole audit trail (lib/audit-verify.ts): the hash chains of the
// events written before sealing, and every seal against its events and the seal before it. Reports
// the first break (an event or a seal edited, inserted or removed). Exit code 1 when it is broken.
import pg from 'pg';
import { verifyAuditTrail } from '../lib/audit-verify';
import { withDatabase } from './database';

async function verifyDatabase(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const report = await verifyAuditTrail(client);
    if (report.broken) {
      console.error(`Audit trail BROKEN: ${report.broken}.`);
      return false;
    }
    console.log(
      `Audit trail intact: ${report.chained} chained events, ${report.sealed} events in ${report.seals} seals, ${report.unsealed} not sealed yet.${report.pruned ? ` ${report.pruned} seals partly or wholly dropped by retention.` : ''}`,
    );
    return true;
  } finally {
    await client.end();
  }
}

let ok = false;
await withDatabase(async (database) => {
  ok = await verifyDatabase(database.url);
});
process.exit(ok ? 0 : 1);
