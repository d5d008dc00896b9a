/**
 * Prisma's schema engine, run as WebAssembly. Prisma's migrate CLI downloads a native engine at
 * run time, which machines without the internet cannot do (docs/decisions/003-migrations.md).
 * The on-disk format stays standard, so `prisma migrate deploy` reads the same folder elsewhere.
 *
 * Pinned: @prisma/schema-engine-wasm must equal @prisma/engines-version of the installed Prisma.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type {
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from '@prisma/schema-engine-wasm/schema_engine_bg';

export const SCHEMA_PATH = path.resolve('prisma/schema.prisma');
export const MIGRATIONS_DIR = path.resolve('prisma/migrations');
const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

type EngineClass = { new: typeof SchemaEngine.new };
let engineClass: Promise<EngineClass> | undefined;

function loadEngineClass(): Promise<EngineClass> {
  engineClass ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const runtime = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasm = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm, { './schema_engine_bg.js': runtime });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    runtime.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return runtime.SchemaEngine as unknown as EngineClass;
  })();
  return engineClass;
}

async function openEngine(adapterFactory: object): Promise<SchemaEngine> {
  const Engine = await loadEngineClass();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const log = () => {};
  return Engine.new({ datamodels: [[SCHEMA_PATH, schema]] }, log, adapterFactory);
}

/** Reads prisma/migrations in the layout `prisma migrate` writes. */
export async function readMigrations(): Promise<MigrationList> {
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  const names = (await readdir(MIGRATIONS_DIR).catch(() => [] as string[])).sort();
  const migrationDirectories = [];
  for (const name of names) {
    if (!(await stat(path.join(MIGRATIONS_DIR, name))).isDirectory()) continue;
    const sql = await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
    migrationDirectories.push({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: sql } },
    });
  }
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/**
 * adapter-pg runs a migration script by splitting it on every ';', which breaks PL/pgSQL bodies
 * (our audit trigger). Postgres itself runs a multi-statement script in one simple query, as one
 * implicit transaction, so hand it the script whole.
 *
 * The engine records a migration as started, runs its script, then records it as finished: a
 * process killed in between left a "failed" migration that blocked every later start. So the
 * script marks its own record finished, in its transaction (the record is found by the checksum
 * the engine stores: the script's SHA-256). Committed means recorded; a record still unfinished
 * is a script that never committed, which `retryInterrupted` hands back to the engine.
 */
function wholeScriptPg(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPg(pool);
  type Adapter = Awaited<ReturnType<PrismaPg['connect']>> & { onError(error: unknown): never };
  return {
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: async () => {
      const adapter = (await factory.connect()) as Adapter;
      adapter.executeScript = async (script: string) => {
        const checksum = createHash('sha256').update(script).digest('hex');
        // The newline ends a trailing `--` comment; the lone ';' is an empty statement.
        const recorded = `${script}\n;\nUPDATE _prisma_migrations SET finished_at = now() WHERE checksum = '${checksum}' AND finished_at IS NULL AND rolled_back_at IS NULL;`;
        await pool.query(recorded).catch((error: unknown) => adapter.onError(error));
      };
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

/** Prisma's advisory lock key for migrations, so two migrating processes take turns. */
const MIGRATION_LOCK = 72707369;

/**
 * Marks as rolled back every migration recorded as started and never finished: its script's
 * transaction did not commit (see wholeScriptPg), so the engine may apply it again. This is
 * what `prisma migrate resolve --rolled-back` would do by hand.
 */
async function retryInterrupted(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(
      "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
    );
    if (!rows[0]?.exists) return [];
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const marked = await client.query<{ migration_name: string }>(
        `UPDATE _prisma_migrations
            SET rolled_back_at = now(),
                logs = concat_ws(E'\\n', logs, 'Interrupted before it committed: applied again.')
          WHERE finished_at IS NULL AND rolled_back_at IS NULL
          RETURNING migration_name`,
      );
      return marked.rows.map((row) => row.migration_name);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Applies every migration not yet applied to the database at `url`; returns their names. */
export async function applyMigrations(url: string): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const retried = await retryInterrupted(pool);
    if (retried.length) console.log(`Applying again, after an interruption: ${retried.join(', ')}`);
    const engine = await openEngine(bindMigrationAwareSqlAdapterFactory(wholeScriptPg(pool)));
    try {
      const result = await engine.applyMigrations({
        migrationsList: await readMigrations(),
        filters: NO_FILTERS,
      });
      return result.appliedMigrationNames;
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

/**
 * The SQL that would bring the migrations up to schema.prisma, computed on an in-memory PGlite
 * shadow database. Empty when they agree.
 */
export async function diffMigrationsToSchema(): Promise<string> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  const shadow = new PGlite();
  const engine = await openEngine(bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(shadow)));
  try {
    const result = await engine.diff({
      from: { tag: 'migrations', ...(await readMigrations()) },
      to: {
        tag: 'schemaDatamodel',
        files: [{ path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, 'utf8') }],
      },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = result.stdout ?? '';
    return /This is an empty migration\./.test(sql) ? '' : sql;
  } finally {
    engine.free();
    await shadow.close();
  }
}
