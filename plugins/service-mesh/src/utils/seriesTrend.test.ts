import { seriesTrend } from './seriesTrend';

const point = (
  minute: number,
  rps: number,
  successRate?: number | null,
  p95?: number,
) => ({
  t: new Date(Date.UTC(2026, 10, 29, 10, minute)).toISOString(),
  rps,
  successRate: successRate as number | undefined,
  latencyMs: p95 === undefined ? undefined : { p50: 1, p95, p99: p95 * 2 },
});

describe('seriesTrend', () => {
  it('compares the second half of the series with the first', () => {
    const trend = seriesTrend([
      point(0, 10, 1, 20),
      point(30, 10, 1, 20),
      point(60, 20, 0.9, 40),
      point(90, 20, 0.9, 40),
    ])!;
    expect(trend.previous).toEqual({
      rps: 10,
      successRate: 1,
      p95: 20,
      coverage: 1,
    });
    expect(trend.current.rps).toBe(20);
    expect(trend.current.successRate).toBeCloseTo(0.9);
    expect(trend.current.p95).toBe(40);
  });

  it('weights the success rate by requests and skips points without data', () => {
    const trend = seriesTrend([
      point(0, 0, null),
      point(10, 2, 1, 10),
      point(20, 1, 0.5, 10),
      point(30, 3, 1, 30),
    ])!;
    expect(trend.current.successRate).toBeCloseTo(0.875);
    expect(trend.previous.successRate).toBe(1);
    expect(trend.previous.p95).toBe(10);
    expect(trend.previous.coverage).toBe(0.5);
  });

  it('has no trend when a half has traffic in fewer than half of its points', () => {
    expect(
      seriesTrend([
        point(0, 0, null),
        point(10, 0, null),
        point(20, 0.1, 1, 10),
        point(30, 6, 1, 30),
        point(40, 6, 1, 30),
        point(50, 6, 1, 30),
      ]),
    ).toBeUndefined();
  });

  it('has no trend with fewer than two points', () => {
    expect(seriesTrend([point(0, 1, 1)])).toBeUndefined();
    expect(seriesTrend([])).toBeUndefined();
  });
});
