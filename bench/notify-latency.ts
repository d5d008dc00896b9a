// The time from a patient's PHQ-9 submit (item 9 answered 1) to the `counts` event on a therapist's
// open live stream, over RUNS submits, through the functions the two route handlers call:
// recordAssessment (POST /api/v1/patients/{id}/assessments: access, idempotency, audit, the flag and
// its inbox items, pg_notify, commit) and openLiveStream with the process's hub and listener (GET
// /api/v1/notifications/stream). The handlers' own session step cannot load under plain Node
// (next-auth's CommonJS default export); tests/e2e/safety-loop.spec.ts measures the same path
// through a real server and browser. "submit → event" starts before the POST; "commit → event" starts when the POST has
// answered, so it is the delivery alone (NOTIFY, the listener, the hub, a counts read, the stream).
// Run: DATABASE_URL=postgresql://... npm run bench:notify
//      (LIVE_NOTIFY=poll measures the fallback the embedded server uses.)
import { percentile, runBench } from './support';

const RUNS = Number(process.env.RUNS ?? 50);
const ITEM9 = { instrument: 'PHQ9' as const, answers: [1, 1, 1, 0, 0, 0, 0, 0, 1] };

const fmt = (times: number[]) =>
  `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ` +
  `max ${Math.max(...times).toFixed(1)} ms`;

await runBench('bench_notify', async (db) => {
  const f = await import('@/tests/factories');
  const { readEvents, until } = await import('@/tests/support/live');
  const { liveHub, liveListener, openLiveStream, stopLive } = await import('@/lib/live');
  const { readUnreadCounts } = await import('@/lib/data/notifications/live');
  const { recordAssessment } = await import('@/lib/data/assessments');
  const team = await f.createCareTeam(db, { passwordHash: null });
  const patient = f.viewerFor(team.patient);
  const therapist = f.viewerFor(team.therapist);

  const client = new AbortController();
  const response = await openLiveStream({
    userId: therapist.userId,
    hub: liveHub(),
    readCounts: () => readUnreadCounts(therapist),
    signal: client.signal,
  });
  const stream = readEvents(response);
  await until(() => stream.events.length === 1, 10_000, 'the first counts');
  await until(() => ['listen', 'poll'].includes(liveListener()?.mode ?? ''), 10_000, 'listener');
  const mode = liveListener()!.mode;

  const fromSubmit: number[] = [];
  const fromCommit: number[] = [];
  const submitTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const expected = run + 1;
    const started = performance.now();
    const result = await recordAssessment(patient, team.patient.id, ITEM9);
    const committed = performance.now();
    if (!result.safetyFlag) throw new Error('the submit raised no flag');
    const isThere = () =>
      stream.events.some((e) => (e.data as { urgent: number }).urgent === expected);
    while (!isThere()) await new Promise((resolve) => setImmediate(resolve));
    const arrived = performance.now();
    fromSubmit.push(arrived - started);
    fromCommit.push(arrived - committed);
    submitTimes.push(committed - started);
  }
  console.log(`notify latency: ${RUNS} PHQ-9 submits (item 9 = 1), listener mode ${mode}`);
  console.log(`  submit → therapist's stream event: ${fmt(fromSubmit)}`);
  console.log(`  the submit itself (POST answered): ${fmt(submitTimes)}`);
  console.log(`  commit → stream event (delivery):  ${fmt(fromCommit)}`);
  client.abort();
  await stopLive();
});
