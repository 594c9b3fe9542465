import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { RequestShareTable } from './RequestShareTable';

describe('RequestShareTable', () => {
  it('lists every row with its requests and share', async () => {
    await renderInTestApp(
      <RequestShareTable
        label="Client identities"
        header="Client identity"
        rows={[
          { key: 'a', content: 'web-ui', requests: 1200, share: 0.75 },
          { key: 'b', content: 'cart', requests: 200.5, share: 0.125 },
        ]}
      />,
    );

    const table = screen.getByRole('table', { name: 'Client identities' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(
      within(rows[0])
        .getAllByRole('columnheader')
        .map(cell => cell.textContent),
    ).toEqual(['Client identity', 'Requests', 'Share']);
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['web-ui', '1,200', '75.00%']);
    expect(
      within(rows[2])
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['cart', '200.5', '12.50%']);
  });
});
