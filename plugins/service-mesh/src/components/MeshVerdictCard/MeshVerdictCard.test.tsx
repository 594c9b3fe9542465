import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeAdoption } from '../../__testUtils__/makeAdoption';
import { makeMtls } from '../../__testUtils__/makeMtls';
import { makeReport } from '../../__testUtils__/makeReport';
import { makeRunbookStep } from '../../__testUtils__/makeRunbookStep';
import { MeshVerdictCard } from './MeshVerdictCard';

const meshed = makeReport({
  state: 'meshed',
  mtls: makeMtls({ inboundTlsRatio: 0.75 }),
  goldenMetrics: {
    successRate: 0.995,
    rps: 12.5,
    latencyMs: { p50: 3, p95: 27.25, p99: 50 },
  },
  adoption: makeAdoption({
    recommendation: 'already-meshed',
    score: 81,
    explanation: 'Meshed, with mTLS on every edge.',
  }),
});

describe('MeshVerdictCard', () => {
  it('shows state, pods, recommendation, golden numbers with their trend, and the top findings with their fix', async () => {
    const onRefresh = jest.fn();
    await renderInTestApp(
      <MeshVerdictCard
        report={meshed}
        onRefresh={onRefresh}
        trend={{
          previous: { rps: 10, successRate: 0.999, p95: 20, coverage: 1 },
          current: { rps: 12.5, successRate: 0.995, p95: 25, coverage: 1 },
        }}
      />,
    );

    expect(screen.getByText('Meshed pods 2/3')).toBeInTheDocument();
    expect(screen.getByTestId('mesh-state')).toHaveTextContent('meshed');
    expect(screen.getByText('Readiness score 81/100')).toBeInTheDocument();
    const stats = screen.getByLabelText('Golden metrics');
    expect(stats).toHaveTextContent('Inbound mTLS75.00%');
    expect(stats).toHaveTextContent(
      'Success rate99.50%▼ 0.4 pt vs previous hour',
    );
    expect(stats).toHaveTextContent('RPS12.5▲ 25% vs previous hour');
    expect(stats).toHaveTextContent('p95 latency27.3 ms▲ 25% vs previous hour');
    expect(
      within(stats).getByText('▲ 25% vs previous hour', {
        selector: '[data-direction="worse"]',
      }),
    ).toBeInTheDocument();
    // Errors first, each with its fix on one line.
    const findings = screen.getByRole('list', { name: 'Top findings' });
    const items = within(findings).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'Port 5432 serves a server-speaks-first protocol.',
    );
    expect(items[0]).toHaveTextContent(
      'Fix: Mark the server-speaks-first ports opaque',
    );
    expect(items[1]).toHaveTextContent('Fix: Restart the workload');
    expect(
      screen.queryByText('Should it join the mesh?'),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /Refresh/ }));
    expect(onRefresh).toHaveBeenCalled();
  });

  it('leaves the trend out while it is unknown', async () => {
    await renderInTestApp(
      <MeshVerdictCard report={meshed} onRefresh={jest.fn()} />,
    );
    expect(screen.queryByText(/vs previous hour/)).not.toBeInTheDocument();
    expect(
      screen.getByText('Meshed, with mTLS on every edge.'),
    ).toBeInTheDocument();
  });

  it('answers the founding question for an unmeshed entity', async () => {
    await renderInTestApp(
      <MeshVerdictCard
        onRefresh={jest.fn()}
        report={makeReport({
          state: 'unmeshed',
          findings: [],
          clusters: [
            {
              name: 'homelab',
              linkerdInstalled: false,
              controlPlaneNamespace: 'linkerd',
            },
          ],
          adoption: makeAdoption({
            recommendation: 'prepare',
            explanation: 'Prepare — canary releases at 75 % of their bar.',
          }),
          runbook: {
            steps: [
              makeRunbookStep({
                id: 'a',
                title: 'Check the cluster',
                done: true,
              }),
              makeRunbookStep({
                id: 'b',
                title: 'Install the CRDs',
                commands: ['linkerd install --crds | kubectl apply -f -'],
                done: false,
              }),
            ],
          },
        })}
      />,
    );

    expect(
      screen.getByText(/homelab: Linkerd not installed/),
    ).toBeInTheDocument();
    expect(screen.getByText('Should it join the mesh?')).toBeInTheDocument();
    const answer = screen.getByLabelText('Should it join the mesh');
    expect(answer).toHaveTextContent(
      'WhyPrepare — canary releases at 75 % of their bar.',
    );
    expect(answer).toHaveTextContent('Compliance: 100% of its bar — fired');
    expect(answer).toHaveTextContent(/Cost≈ \d+ MiB more memory/);
    expect(answer).toHaveTextContent('First stepInstall the CRDs');
    expect(
      within(answer).getByText('linkerd install --crds | kubectl apply -f -'),
    ).toBeInTheDocument();
    expect(screen.getByText('No errors or warnings.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Golden metrics')).not.toBeInTheDocument();
  });
});
