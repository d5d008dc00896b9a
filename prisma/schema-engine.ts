/**
 * Prisma's schema engine, run as WebAssembly. Prisma's migrate CLI downloads a native engine at
 * run time, which machines without the internet cannot do (docs/decisions/003-migrations.md).
 * The on-disk format stays standard, so `prisma migrate deploy` reads the same folder elsewhere.
 *
 * Pinned: @prisma/schema-engine-wasm must equal @prisma/engines-version of the installed Prisma.
 */
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
        await pool.query(script).catch((error: unknown) => adapter.onError(error));
      };
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

/** Applies every migration not yet applied to the database at `url`; returns their names. */
export async function applyMigrations(url: string): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const engine = await openEngine(bindMigrationAwareSqlAdapterFactory(wholeScriptPg(pool)));
  try {
    const result = await engine.applyMigrations({
      migrationsList: await readMigrations(),
      filters: NO_FILTERS,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
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
