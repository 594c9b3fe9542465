import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { formatPercent } from '../../utils/formatPercent';
import { TimeSeriesChart } from './TimeSeriesChart';

// recharts measures its container; jsdom has no layout, so the container reports a size.
beforeAll(() => {
  jest.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400);
  jest.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(160);
  jest
    .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
    .mockImplementation(function rect(this: HTMLElement) {
      // The chart's container has the chart's size; text (tick labels) a small one.
      const [width, height] = this.classList.contains(
        'recharts-responsive-container',
      )
        ? [400, 160]
        : [30, 12];
      return {
        width,
        height,
        top: 0,
        left: 0,
        right: width,
        bottom: height,
        x: 0,
        y: 0,
        toJSON: () => ({}),
      };
    });
  (global as any).ResizeObserver = class {
    private cb: any;
    constructor(cb: any) {
      this.cb = cb;
    }
    observe(el: Element) {
      this.cb([{ target: el, contentRect: { width: 400, height: 160 } }]);
    }
    unobserve() {}
    disconnect() {}
  };
});

const points = [
  { t: '2026-11-29T10:00:00Z', value: 0.999 },
  { t: '2026-11-29T10:15:00Z', value: 0.92 },
  { t: '2026-11-29T10:30:00Z', value: null },
  { t: '2026-11-29T10:45:00Z' },
  { t: '2026-11-29T11:00:00Z', value: 0.998 },
];

describe('TimeSeriesChart', () => {
  it('is an image named with the range and the last value, leaving gaps where there is no data', async () => {
    const { container } = await renderInTestApp(
      <TimeSeriesChart
        label="Success rate"
        points={points}
        format={formatPercent}
        floor={0}
        ceiling={1}
      />,
    );

    const image = screen.getByRole('img', {
      name: /^Success rate from .+ to .+: min 92\.00%, max 99\.90%, last 99\.80%$/,
    });
    const line = image.querySelector('path.recharts-line-curve');
    expect(line).not.toBeNull();
    // Two runs: the points before the gap, then the point after it.
    expect((line!.getAttribute('d') ?? '').match(/M/g)).toHaveLength(2);
    expect(
      container.querySelectorAll(
        '.recharts-yAxis .recharts-cartesian-axis-tick',
      ).length,
    ).toBeGreaterThan(1);
  });

  it('keeps a y-axis span for a flat line', async () => {
    await renderInTestApp(
      <TimeSeriesChart
        label="Success rate"
        points={[
          { t: '2026-11-29T10:00:00Z', value: 0.995 },
          { t: '2026-11-29T11:00:00Z', value: 0.995 },
        ]}
        format={formatPercent}
        floor={0}
        ceiling={1}
      />,
    );
    const ticks = [
      ...document.querySelectorAll(
        '.recharts-yAxis .recharts-cartesian-axis-tick-value',
      ),
    ].map(n => n.textContent);
    expect(new Set(ticks).size).toBeGreaterThan(1);
  });

  it('says when there is no data', async () => {
    await renderInTestApp(
      <TimeSeriesChart
        label="RPS"
        points={[{ t: '2026-11-29T10:00:00Z' }]}
        format={String}
      />,
    );
    expect(
      screen.getByText('RPS: no data in this window.'),
    ).toBeInTheDocument();
  });
});
