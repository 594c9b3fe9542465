import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { makeMtls } from '../../__testUtils__/makeMtls';
import { MtlsCard } from './MtlsCard';

describe('MtlsCard', () => {
  it('shows coverage, client identities, plaintext sources and crypto', async () => {
    await renderInTestApp(<MtlsCard mtls={makeMtls()} />);

    expect(screen.getByText('mTLS')).toBeInTheDocument();
    expect(screen.getByText('87.50%')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '88',
    );

    const clients = screen.getByRole('table', { name: 'Client identities' });
    const webUi = within(clients)
      .getByText('web-ui.shop.serviceaccount.identity.linkerd.cluster.local')
      .closest('tr')!;
    expect(within(webUi).getByText('1,200')).toBeInTheDocument();
    expect(within(webUi).getByText('75.00%')).toBeInTheDocument();

    const plaintext = screen.getByRole('table', { name: 'Plaintext sources' });
    const row = within(plaintext)
      .getByText('no_tls_from_remote')
      .closest('tr')!;
    expect(within(row).getByText('expected (ingress)')).toBeInTheDocument();
    expect(within(row).getByText('12.50%')).toBeInTheDocument();

    expect(
      screen.getByText(
        'Proxy configuration (rustls), not per-connection negotiation',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Post-quantum key exchange preferred: X25519MLKEM768'),
    ).toBeInTheDocument();
    expect(screen.getByText('FIPS').nextElementSibling).toHaveTextContent('no');
  });

  it('marks only expected plaintext sources as ingress', async () => {
    const mtls = makeMtls({
      plaintext: [
        {
          reason: 'no_tls_from_remote',
          requests: 100,
          share: 0.0625,
          expected: false,
        },
      ],
    });
    await renderInTestApp(<MtlsCard mtls={mtls} />);

    expect(screen.getByText('no_tls_from_remote')).toBeInTheDocument();
    expect(screen.queryByText('expected (ingress)')).not.toBeInTheDocument();
  });

  it('shows when the leaf certificate expires', async () => {
    const expiresAt = new Date(Date.now() + 5.5 * 3_600_000).toISOString();
    await renderInTestApp(
      <MtlsCard mtls={makeMtls({ leafCertificateExpiresAt: expiresAt })} />,
    );

    expect(screen.getByText('Leaf certificate expiry')).toBeInTheDocument();
    const time = document.querySelector(`time[datetime="${expiresAt}"]`);
    expect(time).toHaveTextContent(/\(in 5 h\)$/);
    expect(time).toHaveTextContent(new Date(expiresAt).toLocaleString());
  });

  it('leaves out what the report does not carry', async () => {
    const mtls = makeMtls({
      inboundTlsRatio: 0,
      inboundRequests: 0,
      byClient: [],
      plaintext: [],
      crypto: undefined,
      leafCertificateExpiresAt: undefined,
    });
    await renderInTestApp(<MtlsCard mtls={mtls} />);

    expect(
      screen.getByText('No inbound requests in the window.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText(/rustls/)).not.toBeInTheDocument();
    expect(
      screen.queryByText('Leaf certificate expiry'),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('0%')).not.toBeInTheDocument();
  });
});
