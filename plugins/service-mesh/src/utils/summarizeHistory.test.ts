import { makeHistory, makeHistoryPoint } from '../__testUtils__/makeHistory';
import { summarizeHistory } from './summarizeHistory';

describe('summarizeHistory', () => {
  it('is undefined without points', () => {
    expect(summarizeHistory([])).toBeUndefined();
  });

  it('gives first and last score and mTLS coverage and the trigger changes', () => {
    const summary = summarizeHistory(makeHistory().points)!;

    expect(summary.since).toBe('2026-11-20');
    expect(summary.score).toMatchObject({
      first: 41,
      last: 58,
      since: '2026-11-20',
    });
    expect(summary.score!.points.map(p => p.value)).toEqual([41, 50, 58]);
    expect(summary.mtls).toMatchObject({ first: 0.8, last: 1 });
    expect(summary.startedFiring).toEqual(['compliance']);
    expect(summary.stoppedFiring).toEqual(['scale']);
  });

  it('starts a series at its first point that carries the value', () => {
    const summary = summarizeHistory([
      makeHistoryPoint({ score: undefined, mtlsInboundRatio: undefined }),
      makeHistoryPoint({
        recordedAt: '2026-11-21T08:15:00.000Z',
        score: 30,
        mtlsInboundRatio: undefined,
      }),
      makeHistoryPoint({
        recordedAt: '2026-11-22T08:30:00.000Z',
        score: 35,
        mtlsInboundRatio: 0.5,
      }),
    ])!;

    expect(summary.since).toBe('2026-11-20');
    expect(summary.score).toMatchObject({
      first: 30,
      last: 35,
      since: '2026-11-21',
    });
    expect(summary.mtls).toEqual({
      points: [{ t: '2026-11-22T08:30:00.000Z', value: 0.5 }],
      first: 0.5,
      last: 0.5,
      since: '2026-11-22',
    });
  });

  it('leaves out a value no point carries and reports no trigger change', () => {
    const summary = summarizeHistory([
      makeHistoryPoint({ score: undefined, mtlsInboundRatio: undefined }),
      makeHistoryPoint({ score: undefined, mtlsInboundRatio: undefined }),
    ])!;

    expect(summary.score).toBeUndefined();
    expect(summary.mtls).toBeUndefined();
    expect(summary.startedFiring).toEqual([]);
    expect(summary.stoppedFiring).toEqual([]);
  });
});
