// PgBouncer in transaction mode in front of the primary (docs/decisions/031-cluster.md). The app
// servers and the worker connect here only, so a failover is one change of this file's
// [databases] line and a RELOAD: their connections to PgBouncer stay open throughout.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { start, waitUntil, type Managed } from './processes';

export type Bouncer = {
  port: number;
  process: Managed;
  /** Points the app's database at another PostgreSQL port and reloads, without a restart. */
  repoint: (postgresPort: number) => Promise<void>;
};

/**
 * node-postgres sends the pool's timeouts (lib/db.ts) as startup parameters, which PgBouncer
 * refuses unless told to ignore them; each new server connection sets the same values instead
 * (lib/env.ts's defaults), so the limits still hold.
 */
const IGNORED_STARTUP = 'extra_float_digits,statement_timeout,idle_in_transaction_session_timeout';
const CONNECT_QUERY =
  'SET statement_timeout = 5000; SET idle_in_transaction_session_timeout = 15000';

function databasesSection(database: string, postgresPort: number): string {
  return [
    '[databases]',
    `${database} = host=127.0.0.1 port=${postgresPort} dbname=${database} connect_query='${CONNECT_QUERY}'`,
    '',
  ].join('\n');
}

function settings(dir: string, port: number, runDir: string): string {
  return [
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    `unix_socket_dir = ${runDir}`,
    'auth_type = trust',
    `auth_file = ${path.join(dir, 'userlist.txt')}`,
    'admin_users = postgres',
    'pool_mode = transaction',
    'max_client_conn = 500',
    // Two app servers (DB_POOL_MAX 10 each) and the worker's pg-boss pool and sealer fit in 30.
    'default_pool_size = 30',
    `ignore_startup_parameters = ${IGNORED_STARTUP}`,
    // After a failover the new server is tried again within a second, not PgBouncer's default 15.
    'server_login_retry = 1',
    'server_connect_timeout = 3',
    `logfile = ${path.join(dir, 'pgbouncer.log')}`,
    `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
    '',
  ].join('\n');
}

export async function startBouncer(options: {
  dir: string;
  port: number;
  runDir: string;
  database: string;
  users: string[];
  postgresPort: number;
}): Promise<Bouncer> {
  const { dir, port, runDir, database } = options;
  const ini = path.join(dir, 'pgbouncer.ini');
  const write = (postgresPort: number) =>
    writeFileSync(
      ini,
      `${databasesSection(database, postgresPort)}\n${settings(dir, port, runDir)}`,
    );
  writeFileSync(path.join(dir, 'userlist.txt'), options.users.map((u) => `"${u}" ""\n`).join(''));
  write(options.postgresPort);
  const process = start('pgbouncer', '/usr/sbin/pgbouncer', [ini], {
    logFile: path.join(dir, 'stdout.log'),
    asService: true,
  });
  const admin = `postgresql://postgres@127.0.0.1:${port}/pgbouncer`;
  const adminCommand = async (command: string) => {
    // The admin console speaks the simple query protocol only.
    const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      await client.query(command);
    } finally {
      await client.end();
    }
  };
  await waitUntil(
    `PgBouncer on port ${port}`,
    30,
    async () => {
      await adminCommand('SHOW VERSION');
      return true;
    },
    process,
  );
  return {
    port,
    process,
    repoint: async (postgresPort) => {
      write(postgresPort);
      await adminCommand('RELOAD');
    },
  };
}
