// Kills the first start of Triad at random moments and checks that the next start ends with a
// migrated and seeded database (docs/decisions/016-start-up-durability-timeouts.md). Each run
// takes a fresh database, starts `serve.ts prepare --seed`, SIGKILLs it (its whole process
// group, or serve.ts alone, in turns) after a random delay, starts again, and looks.
//
//   npm run test:first-start-kills -- [--runs 10] [--min-delay-ms 0] [--max-delay-ms 30000] [--postgres]
// --postgres uses a fresh database on DATABASE_URL's server per run; the default is the embedded
// database in a fresh folder.
import { cp, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as firstStart from '../tests/support/first-start';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    'min-delay-ms': { type: 'string', default: '0' },
    'max-delay-ms': { type: 'string', default: '30000' },
    postgres: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const minDelay = Number(values['min-delay-ms']);
const maxDelay = Number(values['max-delay-ms']);
const kind = values.postgres ? 'postgres' : 'embedded';

/** Where the killed start stopped, read from a copy of the data folder (embedded) or directly. */
async function killedAt(target: firstStart.Target): Promise<string> {
  let state: firstStart.DatabaseState;
  if (target.kind === 'embedded') {
    const dataDir = target.env.EMBEDDED_DB_DIR!;
    const copy = `${dataDir}-copy`;
    const copied = await cp(dataDir, copy, { recursive: true }).then(
      () => true,
      () => false,
    );
    if (!copied) return 'initdb';
    try {
      state = await firstStart.databaseState(
        { withClient: (inspect) => firstStart.withEmbedded(copy, inspect) },
        { lenient: true },
      );
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  } else {
    state = await firstStart.databaseState(target, { lenient: true });
  }
  const { finished, expected, unfinished } = state.migrations;
  const left = unfinished ? `, ${unfinished} recorded as started and never finished` : '';
  if (finished < expected) return `migrations (${finished}/${expected} applied${left})`;
  if (state.users === 0) return 'seed: accounts';
  if (state.patientsWithHistory < 4) return `seed: histories (${state.patientsWithHistory}/4)`;
  return 'after the seed';
}

const rows: string[] = [];
let failures = 0;
for (let run = 1; run <= runs; run++) {
  const target = await firstStart.freshTarget(kind);
  const mode: firstStart.KillMode = run % 2 ? 'group' : 'parent';
  const delay = Math.round(minDelay + Math.random() * (maxDelay - minDelay));
  try {
    const first = firstStart.startPrepare(target);
    await new Promise((resolve) => setTimeout(resolve, delay));
    const finishedFirst = first.exitCode !== null;
    await firstStart.kill(first, mode);
    const gone = await firstStart.groupGone(first);
    const where = finishedFirst ? 'after the seed (it had finished)' : await killedAt(target);
    const started = performance.now();
    const second = await firstStart.runPrepare(target);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const state = await firstStart.databaseState(target).catch((error: unknown) => String(error));
    const ok =
      gone &&
      second.code === 0 &&
      JSON.stringify(state) ===
        JSON.stringify(
          firstStart.completeState(
            state && typeof state === 'object' ? state.migrations.expected : 0,
          ),
        );
    if (!ok) failures++;
    rows.push(
      `${run}\t${kind}\t${mode}\t${delay} ms\t${where}\t${ok ? 'ok' : 'FAILED'}\tnext start ${seconds} s`,
    );
    console.log(rows.at(-1));
    if (!ok)
      console.log(
        `  children stopped: ${gone}\n  state: ${JSON.stringify(state)}\n${second.output}`,
      );
  } finally {
    await target.dispose();
  }
}
console.log(
  `\n${runs - failures}/${runs} first starts killed at random recovered on the next start.`,
);
process.exit(failures ? 1 : 0);
