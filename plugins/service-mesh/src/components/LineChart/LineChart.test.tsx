import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { LineChart } from './LineChart';

const format = (value: number) => `${value} rps`;

describe('LineChart', () => {
  it('draws a line and labels the axes with min and max', async () => {
    await renderInTestApp(
      <LineChart
        label="RPS"
        format={format}
        points={[
          { t: '2025-01-02T02:00:00.000Z', value: 10 },
          { t: '2025-01-02T02:30:00.000Z', value: 14 },
          { t: '2025-01-02T03:00:00.000Z', value: 12 },
        ]}
      />,
    );

    const chart = screen.getByRole('img', { name: /^RPS from/ });
    expect(chart).toHaveAccessibleName(
      expect.stringMatching(/min 10 rps, max 14 rps, last 12 rps$/),
    );
    expect(chart.querySelectorAll('polyline')).toHaveLength(1);
    expect(
      chart.querySelector('polyline')?.getAttribute('points')?.split(' '),
    ).toHaveLength(3);
    expect(screen.getByText('14 rps')).toBeInTheDocument();
    expect(screen.getByText('10 rps')).toBeInTheDocument();
  });

  it('leaves gaps where there is no value', async () => {
    await renderInTestApp(
      <LineChart
        label="Success rate"
        format={String}
        points={[
          { t: '2025-01-02T02:00:00.000Z', value: 1 },
          { t: '2025-01-02T02:15:00.000Z', value: 0.9 },
          { t: '2025-01-02T02:30:00.000Z', value: null },
          { t: '2025-01-02T02:45:00.000Z', value: 0.95 },
        ]}
      />,
    );

    const chart = screen.getByRole('img', { name: /^Success rate/ });
    expect(chart).toHaveAccessibleName(expect.stringMatching(/min 0.9, max 1, last 0.95$/));
    expect(chart.querySelectorAll('polyline')).toHaveLength(1);
    expect(chart.querySelectorAll('circle')).toHaveLength(1);
  });

  it('says so when no point has a value', async () => {
    await renderInTestApp(
      <LineChart
        label="p95 latency"
        format={String}
        points={[{ t: '2025-01-02T02:00:00.000Z' }]}
      />,
    );

    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(
      screen.getByText('p95 latency: no data in this window.'),
    ).toBeInTheDocument();
  });

  it('labels the time axis with dates for a day-long window', async () => {
    const points = [
      { t: '2025-01-01T03:00:00.000Z', value: 1 },
      { t: '2025-01-02T03:00:00.000Z', value: 2 },
    ];
    await renderInTestApp(
      <LineChart label="RPS" format={String} points={points} />,
    );

    const [first, last] = points.map(point =>
      new Date(point.t).toLocaleString(undefined, {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
    );
    expect(first).not.toBe(last);
    expect(screen.getByText(first)).toBeInTheDocument();
    expect(screen.getByText(last)).toBeInTheDocument();
  });
});
