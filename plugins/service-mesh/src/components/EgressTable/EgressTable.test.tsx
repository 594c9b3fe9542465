import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { EntityEgressReport } from '@meshlens/plugin-service-mesh-common';
import { EgressTable } from './EgressTable';

const egress: EntityEgressReport = {
  destinations: [
    { cluster: 'c', workload: 'auto-brand/Deployment/llm-service', network: 'auto-brand/external', trafficPolicy: 'Deny', host: 'api.anthropic.com', port: 443, protocol: 'tls', tls: 'tls', routes: ['TLSRoute/llm-provider'], rps: 1.4876, successRate: 0.9812, denied: 0 },
    { cluster: 'c', workload: 'auto-brand/Deployment/llm-service', network: 'auto-brand/external', trafficPolicy: 'Deny', host: 'o4508123.ingest.us.sentry.io', port: 443, protocol: 'tls', tls: 'tls', routes: ['default/tls-egress-deny'], rps: 0.05, successRate: 0, denied: 180 },
    { cluster: 'c', workload: 'shop/Deployment/cart', host: 'api.partner.example', port: 443, protocol: 'http', tls: 'plaintext', routes: ['default/egress-fallback'], rps: 2, successRate: 1, denied: 0 },
  ],
  findings: [
    { code: 'egress-denied', severity: 'warning', cluster: 'c', workload: 'auto-brand/Deployment/llm-service', destination: 'o4508123.ingest.us.sentry.io:443', message: 'auto-brand/Deployment/llm-service had 180 connections to o4508123.ingest.us.sentry.io:443 refused by EgressNetwork auto-brand/external (trafficPolicy Deny): attach a route for the destination or stop the call.' },
  ],
};

describe('EgressTable', () => {
  it('lists each external destination with its network, TLS, rate, success and denials, then the findings', async () => {
    await renderInTestApp(<EgressTable egress={egress} window="1h" />);
    const table = screen.getByRole('table', { name: 'External destinations' });
    expect(within(table).getAllByRole('columnheader').map(h => h.textContent)).toEqual(['Workload', 'Destination', 'EgressNetwork', 'TLS', 'Rate', 'Success', 'Denied']);
    const llm = screen.getByText('api.anthropic.com:443').closest('tr')!;
    expect([...llm.querySelectorAll('td')].map(td => td.textContent)).toEqual(['llm-service', 'api.anthropic.com:443', 'auto-brand/external (Deny)', 'TLS (by SNI)', '1.49 conn/s', '98.1 %', '—']);
    const blocked = screen.getByText('o4508123.ingest.us.sentry.io:443').closest('tr')!;
    expect(within(blocked).getByText('180')).toBeInTheDocument();
    expect(within(blocked).getByText('0.050 conn/s')).toBeInTheDocument();
    const cart = screen.getByText('api.partner.example:443').closest('tr')!;
    expect(within(cart).getByText('none (egress-fallback)')).toBeInTheDocument();
    expect(within(cart).getByText('plaintext (HTTP)')).toBeInTheDocument();
    expect(within(cart).getByText('2.00 req/s')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Egress findings' })).getByText(/^Warning: .*refused by EgressNetwork auto-brand\/external/)).toBeInTheDocument();
  });

  it('has an empty state when nothing left the mesh', async () => {
    await renderInTestApp(<EgressTable window="15m" />);
    expect(screen.getByText('Egress (15m)')).toBeInTheDocument();
    expect(screen.getByText('Nothing left the mesh in the last 15m: no outbound route metrics with an EgressNetwork or egress-fallback parent.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
