import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { MtlsCoverage } from './MtlsCoverage';

describe('MtlsCoverage', () => {
  it('shows the mTLS share as a percentage and a bar', async () => {
    await renderInTestApp(<MtlsCoverage ratio={0.875} requests={1600} />);

    expect(screen.getByText('87.50%')).toBeInTheDocument();
    expect(
      screen.getByText('of 1,600 inbound requests over mTLS'),
    ).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', {
      name: 'mTLS coverage of inbound requests',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '88');
    expect(bar).toHaveAttribute('aria-valuetext', '87.50%');
  });

  it('shows no percentage without inbound requests', async () => {
    await renderInTestApp(<MtlsCoverage ratio={0} requests={0} />);

    expect(
      screen.getByText('No inbound requests in the window.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
