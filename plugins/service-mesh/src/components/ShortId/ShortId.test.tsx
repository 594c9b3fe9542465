import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ShortId } from './ShortId';

const identity = 'web-ui.shop.serviceaccount.identity.linkerd.cluster.local';

describe('ShortId', () => {
  it('shows the short form on one line and copies the full value', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText },
    });
    const execCommand = jest.fn().mockReturnValue(true);
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: execCommand,
    });
    await renderInTestApp(<ShortId value={identity} label="client identity" />);

    const short = screen.getByText('web-ui.shop');
    expect(short).toHaveAttribute('data-full', identity);
    expect(short.parentElement).toHaveStyle({ whiteSpace: 'nowrap' });

    await userEvent.click(
      screen.getByRole('button', { name: `Copy client identity ${identity}` }),
    );
    // react-use's useCopyToClipboard goes through copy-to-clipboard (execCommand in jsdom).
    expect(
      execCommand.mock.calls.length + writeText.mock.calls.length,
    ).toBeGreaterThan(0);
    expect(await screen.findByText('Copied')).toBeInTheDocument();
  });

  it('shows children instead of the short form', async () => {
    await renderInTestApp(
      <ShortId value="shop/Deployment/web-ui" label="workload">
        <a href="/x">web-ui link</a>
      </ShortId>,
    );
    expect(
      screen.getByRole('link', { name: 'web-ui link' }).closest('[data-full]'),
    ).toHaveAttribute('data-full', 'shop/Deployment/web-ui');
  });
});
