import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { HistorySparkline } from './HistorySparkline';

const format = (value: number) => `${value}`;

/** The points of an SVG path's `d`, rounded to a tenth of a pixel. */
function pointsOf(path: Element | null): string {
  const d = path?.getAttribute('d') ?? '';
  return [...d.matchAll(/([ML])\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)]
    .map(
      ([, op, x, y]) => `${op}${Number(x).toFixed(1)} ${Number(y).toFixed(1)}`,
    )
    .join(' ');
}

describe('HistorySparkline', () => {
  it('is an image named with the first, last, lowest and highest value', async () => {
    await renderInTestApp(
      <HistorySparkline
        label="Readiness score"
        max={100}
        format={format}
        points={[
          { t: '2026-11-20T08:00:00Z', value: 41 },
          { t: '2026-11-21T08:00:00Z', value: 30 },
          { t: '2026-11-22T08:00:00Z', value: 58 },
        ]}
      />,
    );

    const image = screen.getByRole('img', {
      name: 'Readiness score: 41 on 2026-11-20, 58 on 2026-11-22; lowest 30, highest 58 over 3 points',
    });
    // 0 at the bottom (y 33), 100 at the top (y 3), time across 3..157.
    expect(pointsOf(image.querySelector('path.recharts-line-curve'))).toBe(
      'M3.0 20.7 L80.0 24.0 L157.0 15.6',
    );
  });

  it('places the points by time and clamps values to the scale', async () => {
    await renderInTestApp(
      <HistorySparkline
        label="mTLS"
        max={1}
        format={format}
        points={[
          { t: '2026-11-20T00:00:00Z', value: -1 },
          { t: '2026-11-20T01:00:00Z', value: 2 },
          { t: '2026-11-20T04:00:00Z', value: 1 },
        ]}
      />,
    );

    expect(
      pointsOf(
        screen.getByRole('img').querySelector('path.recharts-line-curve'),
      ),
    ).toBe('M3.0 33.0 L41.5 3.0 L157.0 3.0');
  });

  it('draws a single point as a dot', async () => {
    await renderInTestApp(
      <HistorySparkline
        label="Readiness score"
        max={100}
        format={format}
        points={[{ t: '2026-11-20T08:00:00Z', value: 50 }]}
      />,
    );

    const image = screen.getByRole('img', {
      name: 'Readiness score: 50 on 2026-11-20, 50 on 2026-11-20; lowest 50, highest 50 over 1 point',
    });
    expect(pointsOf(image.querySelector('path.recharts-line-curve'))).toBe('');
    expect(image.querySelector('circle')).toHaveAttribute('cx', '80');
  });
});
