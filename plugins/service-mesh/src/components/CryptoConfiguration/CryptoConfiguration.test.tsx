import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { CryptoConfiguration } from './CryptoConfiguration';

describe('CryptoConfiguration', () => {
  it('shows a preferred post-quantum key exchange and the configuration', async () => {
    await renderInTestApp(
      <CryptoConfiguration
        crypto={{
          suites: [
            'TLS13_AES_256_GCM_SHA384',
            'TLS13_CHACHA20_POLY1305_SHA256',
          ],
          kxGroups: ['X25519MLKEM768', 'X25519'],
          postQuantumPreferred: true,
          fips: false,
        }}
      />,
    );

    expect(
      screen.getByText(
        'Proxy configuration (rustls), not per-connection negotiation',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Post-quantum key exchange preferred: X25519MLKEM768'),
    ).toBeInTheDocument();
    expect(screen.getByText('FIPS').nextElementSibling).toHaveTextContent('no');
    expect(screen.getByText('X25519MLKEM768, X25519')).toBeInTheDocument();
    expect(
      screen.getByText(
        'TLS13_AES_256_GCM_SHA384, TLS13_CHACHA20_POLY1305_SHA256',
      ),
    ).toBeInTheDocument();
  });

  it('warns when no post-quantum key exchange is preferred', async () => {
    await renderInTestApp(
      <CryptoConfiguration
        crypto={{
          suites: [],
          kxGroups: ['X25519', 'secp256r1'],
          postQuantumPreferred: false,
          fips: true,
        }}
      />,
    );

    expect(
      screen.getByText(
        'Post-quantum key exchange not preferred (first: X25519)',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/preferred:/)).not.toBeInTheDocument();
    expect(screen.getByText('FIPS').nextElementSibling).toHaveTextContent(
      'yes',
    );
    expect(
      screen.getByText('Cipher suites').nextElementSibling,
    ).toHaveTextContent('—');
  });

  it('tells the post-quantum state in words, not by colour or icon alone', async () => {
    const crypto = {
      suites: [],
      kxGroups: ['X25519MLKEM768'],
      postQuantumPreferred: true,
      fips: false,
    };
    const { unmount } = await renderInTestApp(
      <CryptoConfiguration crypto={crypto} />,
    );

    const section = screen.getByRole('region', {
      name: 'Proxy crypto configuration',
    });
    expect(section).toHaveTextContent(
      'Post-quantum key exchange preferred: X25519MLKEM768',
    );
    // The icons repeat the words, so assistive technology skips them.
    section
      .querySelectorAll('svg')
      .forEach(icon => expect(icon).toHaveAttribute('aria-hidden', 'true'));
    unmount();

    await renderInTestApp(
      <CryptoConfiguration
        crypto={{ ...crypto, kxGroups: [], postQuantumPreferred: false }}
      />,
    );
    expect(
      screen.getByRole('region', { name: 'Proxy crypto configuration' }),
    ).toHaveTextContent('Post-quantum key exchange not preferred');
  });
});
