// The snapshot evaluator's increase()/rate() against a real Prometheus 3.x on the same samples.
// Upstream: github.com/prometheus/prometheus v0.316.0 (Prometheus 3.16.0), promql/functions.go
// `extrapolatedRate` (the 1.1 × average-interval threshold, applied before the zero-point clamp
// since 2.51) and promql/engine.go `matrixIterSlice` (range selection left-open, `t > mint`,
// since 3.0). The same OpenMetrics text is parsed by the snapshot reader (parseOpenMetrics) and
// backfilled into that Prometheus with its promtool; every query must agree within 0.5 %, and
// where one side has no result the other must have none either.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { increase, rate } from '../../plugins/service-mesh-backend/src/adapters/snapshot/evaluateSeries.ts';
import { parseOpenMetrics } from '../../plugins/service-mesh-backend/src/adapters/snapshot/parseOpenMetrics.ts';
import { instantQuery, prometheusBinaries, startPrometheus, type RunningPrometheus } from '../harness/prometheus.ts';

const T0 = 1_795_000_000;
const every = (from: number, to: number, step: number) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** Counter samples per edge case, `[seconds after T0, value]`. */
const CASES: Record<string, Array<[number, number]>> = {
  // 10 s scrapes (viz's interval) over the whole time: windows start exactly on a sample.
  steady: every(0, 1200, 10).map(t => [t, 3 * t]),
  // Starts mid-window far from zero: extrapolated by half an interval.
  mid_start_far: every(637, 1200, 10).map((t, i) => [t, 5000 + 7 * i]),
  // Starts mid-window near zero: extrapolation stops at the counter's zero point.
  mid_start_near: every(643, 1200, 10).map((t, i) => [t, 4 + 10 * i]),
  // The 2.51 order: 15 s spacing from 630, zero 10 s before the first sample.
  threshold_order: every(630, 1200, 15).map((t, i) => [t, 10 + 15 * i]),
  // Counter resets: to 0 at 500, to a small non-zero value at 800.
  reset: every(0, 1200, 10).map(t => [t, t < 500 ? 5 * t : t < 800 ? 3 * (t - 500) : 2 + (t - 800)]),
  // A single sample.
  one_sample: [[400, 42]],
  // Ends before the window does.
  ends_early: every(0, 450, 10).map(t => [t, 2 * t]),
  // Sparse, irregular samples.
  sparse: [[0, 0], [45, 9], [115, 30], [170, 31], [260, 80], [300, 80], [390, 120], [455, 200], [560, 210], [620, 260], [790, 400], [805, 401], [1000, 600], [1190, 610]],
};

function openMetrics(): string {
  const lines = ['# TYPE parity counter'];
  for (const [name, samples] of Object.entries(CASES)) {
    for (const [t, v] of samples) lines.push(`parity_total{case="${name}"} ${v} ${T0 + t}`);
  }
  return [...lines, '# EOF', ''].join('\n');
}

const ENDS = [60, 300, 455, 600, 650, 660, 700, 900, 1200];
const WINDOWS = [30, 60, 120, 300, 900];

describe('snapshot increase()/rate() agree with Prometheus 3.x', () => {
  let prom: RunningPrometheus;
  const recorded = parseOpenMetrics(openMetrics());

  before(async () => { prom = await startPrometheus(openMetrics()); });
  after(async () => prom?.stop());

  it('runs against Prometheus 3.x', () => {
    assert.match(prometheusBinaries().version, /^3\./, `the harness runs Prometheus ${prometheusBinaries().version}: run test/harness/build-prometheus.sh`);
    assert.deepEqual(recorded.errors, []);
  });

  for (const fn of ['increase', 'rate'] as const) {
    it(`${fn}() on series starting mid-window, resetting, with one sample, ending early, sparse`, async t => {
      const evaluate = fn === 'increase' ? increase : rate;
      let compared = 0;
      let bothEmpty = 0;
      let worst = 0;
      const mismatches: string[] = [];
      for (const end of ENDS) {
        for (const window of WINDOWS) {
          const got = await instantQuery(prom.url, `${fn}(parity_total[${window}s])`, T0 + end);
          const fromPrometheus = new Map(got.map(r => [r.metric.case, r.value]));
          for (const s of recorded.series) {
            const name = s.labels.case;
            const ours = evaluate(s.samples, T0 + end, window);
            const theirs = fromPrometheus.get(name);
            const at = `${fn}(${name}[${window}s]) at T0+${end}`;
            if (ours === undefined || theirs === undefined) {
              if (ours !== theirs) mismatches.push(`${at}: snapshot ${ours}, Prometheus ${theirs}`);
              else bothEmpty++;
              continue;
            }
            compared++;
            if (theirs !== 0) worst = Math.max(worst, Math.abs(ours - theirs) / Math.abs(theirs));
            if (Math.abs(ours - theirs) > Math.max(Math.abs(theirs) * 0.005, 1e-9)) mismatches.push(`${at}: snapshot ${ours}, Prometheus ${theirs}`);
          }
        }
      }
      t.diagnostic(`${compared} values compared, ${bothEmpty} empty on both sides, largest relative difference ${worst.toExponential(2)}`);
      assert.deepEqual(mismatches, []);
      // Every case was compared with a value somewhere, and empty ranges were met too.
      assert.ok(compared >= 200, `${compared} values compared`);
      assert.ok(bothEmpty >= 20, `${bothEmpty} empty on both sides`);
    });
  }

  it('the cases that tell Prometheus 3.x from 2.x', async () => {
    const at = async (query: string, end: number) => (await instantQuery(prom.url, query, T0 + end)).map(r => [r.metric.case, Number(r.value.toFixed(6))]);
    // Threshold before zero clamp (2.51): 37.5 (2.x before 2.51: 40).
    assert.deepEqual(await at('increase(parity_total{case="threshold_order"}[60s])', 660), [['threshold_order', 37.5]]);
    // Left-open range (3.0): (60, 70] holds only the sample at 70 of 10 s scrapes: no result
    // (2.x read [60, 70], two samples: 30).
    assert.deepEqual(await at('increase(parity_total{case="steady"}[10s])', 70), []);
    const samples = (name: string) => recorded.series.find(s => s.labels.case === name)!.samples;
    assert.equal(increase(samples('threshold_order'), T0 + 660, 60), 37.5);
    assert.equal(increase(samples('steady'), T0 + 70, 10), undefined);
  });
});
