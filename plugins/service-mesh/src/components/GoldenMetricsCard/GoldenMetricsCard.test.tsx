import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeMetrics } from '../../__testUtils__/makeMetrics';
import { makeResponseError } from '../../__testUtils__/makeResponseError';
import { GoldenMetricsCard } from './GoldenMetricsCard';

const noop = () => {};

describe('GoldenMetricsCard', () => {
  it('shows formatted golden metrics and a chart per metric', async () => {
    await renderInTestApp(
      <GoldenMetricsCard
        window="1h"
        onWindowChange={noop}
        metrics={makeMetrics()}
        loading={false}
      />,
    );

    expect(screen.getByText('Golden metrics')).toBeInTheDocument();
    expect(screen.getByText(/over the last 1h/)).toBeInTheDocument();
    // Conformance (issue 13, item 12): viz stat's quantiles are `histogram_quantile` over
    // `irate(response_latency_ms_bucket[W])` (linkerd2 edge-25.10.7 `viz/metrics-api/stat_summary.go` `latencyQuantileQuery`),
    // ours are over the whole window: the card says which.
    expect(screen.getByText(/latency percentiles over the whole window, where viz stat takes irate/)).toBeInTheDocument();
    expect(screen.getByText('98.75%')).toBeInTheDocument();
    expect(screen.getByText('12.3')).toBeInTheDocument();
    expect(screen.getByText('4.5 ms')).toBeInTheDocument();
    expect(screen.getByText('27.3 ms')).toBeInTheDocument();
    expect(screen.getByText('88.9 ms')).toBeInTheDocument();

    // The charts are loaded lazily, after the numbers.
    expect(
      await screen.findByRole('img', { name: /^Success rate from/ }),
    ).toHaveAccessibleName(expect.stringMatching(/min 97.00%, max 100%/));
    expect(screen.getByRole('img', { name: /^RPS from/ })).toHaveAccessibleName(
      expect.stringMatching(/min 0, max 14, last 13$/),
    );
    expect(
      screen.getByRole('img', { name: /^p95 latency from/ }),
    ).toHaveAccessibleName(expect.stringMatching(/min 20 ms, max 35 ms/));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reports the chosen window', async () => {
    const onWindowChange = jest.fn();
    await renderInTestApp(
      <GoldenMetricsCard
        window="1h"
        onWindowChange={onWindowChange}
        metrics={makeMetrics()}
        loading={false}
      />,
    );

    await userEvent.click(screen.getByRole('button', { name: '6h' }));
    expect(onWindowChange).toHaveBeenCalledWith('6h');
  });

  it('shows progress while loading and keeps the window selector', async () => {
    await renderInTestApp(
      <GoldenMetricsCard window="5m" onWindowChange={noop} loading />,
    );

    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '5m' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('shows the backend error with a retry button', async () => {
    const onRetry = jest.fn();
    const error = await makeResponseError(400, 'Invalid window');
    await renderInTestApp(
      <GoldenMetricsCard
        window="1h"
        onWindowChange={noop}
        loading={false}
        error={error}
        onRetry={onRetry}
      />,
    );

    expect(screen.getByText(/Request failed with 400/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('warns about sources that could not be read next to the data', async () => {
    const metrics = makeMetrics({
      errors: [{ source: 'prometheus:homelab', message: 'timeout' }],
    });
    await renderInTestApp(
      <GoldenMetricsCard
        window="1h"
        onWindowChange={noop}
        metrics={metrics}
        loading={false}
      />,
    );

    expect(
      screen.getByText(/Could not read prometheus:homelab/),
    ).toBeInTheDocument();
    expect(screen.getByText('98.75%')).toBeInTheDocument();
  });

  it('tells what to configure when there are no proxy metrics', async () => {
    const metrics = makeMetrics({ goldenMetrics: undefined, series: [] });
    await renderInTestApp(
      <GoldenMetricsCard
        window="1h"
        onWindowChange={noop}
        metrics={metrics}
        loading={false}
      />,
    );

    expect(screen.getByText('No proxy metrics')).toBeInTheDocument();
    expect(screen.getByText(/prometheus\.url/)).toBeInTheDocument();
    expect(
      screen.queryByRole('img', { name: /^Success rate/ }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Success rate')).not.toBeInTheDocument();
  });

  it('draws a step without data (rps null) as a gap in the line, not a fall to 0', async () => {
    const point = (t: string, rps: number | null) => ({ t: `2025-01-02T03:${t}.000Z`, rps, ...(rps === null ? {} : { successRate: 1 }) });
    const metrics = makeMetrics({
      window: '5m',
      series: [point('00:00', 10), point('00:15', null), point('00:30', 12), point('00:45', 13)],
    });
    await renderInTestApp(
      <GoldenMetricsCard
        window="5m"
        onWindowChange={noop}
        metrics={metrics}
        loading={false}
      />,
    );

    const rps = await screen.findByRole('img', { name: /^RPS from/ });
    expect(rps).toHaveAccessibleName(expect.stringMatching(/min 10, max 13, last 13$/));
    // 10 alone, then 12 → 13: two runs (two moves, one segment); nothing drawn at the empty step.
    const d = rps.querySelector('path.recharts-line-curve')?.getAttribute('d') ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(1);
  });

  it('shows no numbers when no request was served in the window', async () => {
    const metrics = makeMetrics({
      window: '5m',
      goldenMetrics: undefined,
      series: [
        { t: '2025-01-02T03:00:00.000Z', rps: 0 },
        { t: '2025-01-02T03:05:00.000Z', rps: 0 },
      ],
    });
    await renderInTestApp(
      <GoldenMetricsCard
        window="5m"
        onWindowChange={noop}
        metrics={metrics}
        loading={false}
      />,
    );

    expect(
      screen.getByText('No requests served in the last 5m.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/%$/)).not.toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: /^RPS from/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Success rate: no data in this window.'),
    ).toBeInTheDocument();
  });
});
