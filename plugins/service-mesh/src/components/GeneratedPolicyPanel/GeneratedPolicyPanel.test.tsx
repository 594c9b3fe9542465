import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GeneratedWorkloadPolicy } from '@meshlens/plugin-service-mesh-common';
import { GeneratedPolicyPanel } from './GeneratedPolicyPanel';

const id = (sa: string) => `${sa}.shop.serviceaccount.identity.linkerd.cluster.local`;
const yaml = `# Server\napiVersion: policy.linkerd.io/v1beta3\nkind: Server\nmetadata:\n  name: cart-http\n  namespace: shop\nspec:\n  identities:\n    - ${id('scraper')}  # seen in traffic but not declared in the catalog\n`;
const policy: GeneratedWorkloadPolicy = {
  cluster: 'c1', namespace: 'shop', kind: 'Deployment', name: 'cart', serviceAccount: 'cart',
  ports: [{ port: 8080, name: 'http', proxyProtocol: 'HTTP/1', reason: 'port name http', httpProbes: false }],
  callers: [
    { identity: id('checkout'), seen: true, declared: true, undeclared: false, entityRefs: ['component:default/checkout'] },
    { identity: id('scraper'), seen: true, declared: false, undeclared: true, entityRefs: [] },
    { identity: id('report'), seen: false, declared: true, undeclared: false, entityRefs: ['component:default/report'] },
  ],
  documents: [{ kind: 'Server' }], yaml, rollout: [], notes: ['1 caller(s) seen in traffic but not declared in the catalog'],
};

describe('GeneratedPolicyPanel', () => {
  it('renders nothing without meshed workloads', async () => {
    const { container } = await renderInTestApp(<GeneratedPolicyPanel policies={[]} />);
    expect(container.textContent).toBe('');
  });

  it('lists callers, flags the undeclared one, and shows the YAML', async () => {
    await renderInTestApp(<GeneratedPolicyPanel policies={[policy]} />);
    const section = screen.getByRole('region', { name: 'Generated policy for shop/cart' });
    expect(within(section).getByText('scraper.shop — seen but not declared in the catalog')).toBeInTheDocument();
    expect(within(section).getByText('report.shop — declared, not seen')).toBeInTheDocument();
    expect(within(section).getByText('checkout.shop')).toBeInTheDocument();
    expect(within(section).getByText('1 caller(s) seen in traffic but not declared in the catalog')).toBeInTheDocument();
    await waitFor(() => expect(section.textContent).toContain('kind: Server'));
  });

  it('downloads the YAML as <workload>-policy.yaml', async () => {
    const blobs: Blob[] = [];
    Object.assign(window.URL, { createObjectURL: jest.fn((b: Blob) => { blobs.push(b); return 'blob:x'; }), revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function check(this: HTMLAnchorElement) {
      expect(this.download).toBe('cart-policy.yaml');
    });
    await renderInTestApp(<GeneratedPolicyPanel policies={[policy]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download cart-policy.yaml' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(await blobs[0].text()).toBe(yaml);
    click.mockRestore();
  });

  it('says why a download failed', async () => {
    const url = window.URL as Partial<typeof URL>;
    delete url.createObjectURL;
    await renderInTestApp(<GeneratedPolicyPanel policies={[policy]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download cart-policy.yaml' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not download: This browser cannot save files');
  });

  it('offers the YAML to copy', async () => {
    await renderInTestApp(<GeneratedPolicyPanel policies={[policy]} />);
    expect(screen.getByRole('button', { name: 'Copy the policy YAML of shop/cart' })).toBeInTheDocument();
  });
});
