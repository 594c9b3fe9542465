import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { ExportedServicesCard } from './ExportedServicesCard';

describe('ExportedServicesCard', () => {
  it('lists the exported Services with how they are exported and their mirrors', async () => {
    await renderInTestApp(
      <ExportedServicesCard
        exported={[
          {
            cluster: 'cloud-vps',
            namespace: 'auto-brand',
            name: 'public-site',
            exportedAs: 'gateway',
            mirroredIn: [
              {
                cluster: 'homelab-meshed',
                service: 'auto-brand/public-site-cloud-vps',
                link: 'cloud-vps',
              },
            ],
          },
          {
            cluster: 'cloud-vps',
            namespace: 'auto-brand',
            name: 'search',
            exportedAs: 'federated',
            mirroredIn: [],
          },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Exported Services' });
    const row = within(table)
      .getByText('auto-brand/public-site (cloud-vps)')
      .closest('tr')!;
    expect(within(row).getByText('through the gateway')).toBeInTheDocument();
    expect(
      within(row).getByText(
        'auto-brand/public-site-cloud-vps (homelab-meshed)',
      ),
    ).toBeInTheDocument();
    expect(
      within(table).getByText('no configured cluster holds a mirror'),
    ).toBeInTheDocument();
  });

  it("says when none of the entity's Services is exported", async () => {
    await renderInTestApp(<ExportedServicesCard exported={[]} />);
    expect(
      screen.getByText(/None of the entity's Services is exported/),
    ).toBeInTheDocument();
  });
});
