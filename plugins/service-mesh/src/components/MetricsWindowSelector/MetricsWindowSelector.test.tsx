import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MetricsWindowSelector } from './MetricsWindowSelector';

describe('MetricsWindowSelector', () => {
  it('offers the windows with the selected one pressed', async () => {
    await renderInTestApp(
      <MetricsWindowSelector value="1h" onChange={() => {}} />,
    );

    const group = screen.getByRole('group', { name: 'Metrics window' });
    expect(
      within(group)
        .getAllByRole('button')
        .map(button => button.textContent),
    ).toEqual(['5m', '15m', '1h', '6h', '24h']);
    expect(screen.getByRole('button', { name: '1h' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('button', { name: '6h' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('reports a newly chosen window only', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <MetricsWindowSelector value="1h" onChange={onChange} />,
    );

    await userEvent.click(screen.getByRole('button', { name: '1h' }));
    await userEvent.click(screen.getByRole('button', { name: '24h' }));

    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith('24h');
  });
});
