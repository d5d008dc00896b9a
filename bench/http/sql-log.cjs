// Preloaded into the Triad server by `npm run bench:http -- --statements` (NODE_OPTIONS=--require):
// appends every statement the server sends through pg to the file named by TRIAD_BENCH_SQL_LOG,
// one JSON line each with its parameters, so the driver can count what one request costs and the
// baseline can send the same data statements. Never loaded while figures are measured.
/* eslint-disable @typescript-eslint/no-require-imports -- a --require preload is CommonJS */
const { appendFileSync } = require('node:fs');
const pg = require('pg');

const file = process.env.TRIAD_BENCH_SQL_LOG;
if (file) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function logged(config, ...rest) {
    const text = typeof config === 'string' ? config : config && config.text;
    const values = (config && config.values) || (Array.isArray(rest[0]) ? rest[0] : undefined);
    if (text) appendFileSync(file, `${JSON.stringify({ text, values: values ?? [] })}\n`);
    return query.call(this, config, ...rest);
  };
}
