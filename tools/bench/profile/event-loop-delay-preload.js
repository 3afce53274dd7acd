/**
 * Preloaded into a service (`node -r <this file> main.js`; replay-ab.ts: `<main.js>+-r+<this
 * file>`) to see how long its event loop was held: every 5 s, and once more when it exits, one
 * line on stderr with the event-loop delay of the last stretch (p50, p95, p99, max in ms, from
 * perf_hooks' histogram at 10 ms resolution) and how many HTTP requests it answered, with
 * their p95 in ms. A delay as long as an answer's time says the answer waited for the loop
 * (a batch's synchronous work), not for the database.
 */
'use strict';
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');
const http = require('node:http');

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let answers = [];
const ms = (ns) => Math.round(ns / 1e6);

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, response) {
  if (event === 'request' && !String(request.url).startsWith('/health')) {
    const started = performance.now();
    response.once('finish', () => answers.push(performance.now() - started));
  }
  return emit.apply(this, arguments);
};

function report(why) {
  const sorted = answers.sort((a, b) => a - b);
  const p95 = sorted.length ? Math.round(sorted[Math.floor(sorted.length * 0.95)]) : '-';
  process.stderr.write(
    `event-loop-delay ${why} pid=${process.pid} p50=${ms(loop.percentile(50))} p95=${ms(loop.percentile(95))} ` +
      `p99=${ms(loop.percentile(99))} max=${ms(loop.max)} requests=${sorted.length} request-p95=${p95}\n`,
  );
  loop.reset();
  answers = [];
}

setInterval(() => report('5s'), 5000).unref();
process.on('exit', () => report('exit'));
