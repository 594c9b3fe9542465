import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { serviceMeshApiRef } from '../../api/ServiceMeshApi';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeResponseError } from '../../__testUtils__/makeResponseError';
import { RunbookDownloadButton } from './RunbookDownloadButton';

const entityRef = { kind: 'Component', namespace: 'default', name: 'checkout' };
const markdown = '# Linkerd adoption runbook: component:default/checkout\n';

function render(api: ReturnType<typeof fakeServiceMeshApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceMeshApiRef, api]]}>
      <RunbookDownloadButton entityRef={entityRef} />
    </TestApiProvider>,
  );
}

/** jsdom has no object URLs: mimics them on `window.URL` until `restore`. */
function fakeObjectUrls() {
  const blobs: Blob[] = [];
  const createObjectURL = jest.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:http://localhost/runbook';
  });
  const revokeObjectURL = jest.fn();
  Object.assign(window.URL, { createObjectURL, revokeObjectURL });
  return {
    blobs,
    createObjectURL,
    revokeObjectURL,
    restore() {
      const url = window.URL as Partial<typeof URL>;
      delete url.createObjectURL;
      delete url.revokeObjectURL;
    },
  };
}

describe('RunbookDownloadButton', () => {
  it('downloads the Markdown runbook as <entity-name>-runbook.md', async () => {
    const objectUrls = fakeObjectUrls();
    const clicked: HTMLAnchorElement[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this);
      });
    try {
      const api = fakeServiceMeshApi({
        getRunbookMarkdown: async () => markdown,
      });
      await render(api);

      await userEvent.click(
        screen.getByRole('button', { name: 'Download Markdown' }),
      );

      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(api.getRunbookMarkdown).toHaveBeenCalledWith(entityRef);
      expect(clicked[0].download).toBe('checkout-runbook.md');
      expect(clicked[0].href).toBe('blob:http://localhost/runbook');
      expect(clicked[0].isConnected).toBe(false);
      expect(objectUrls.blobs[0].type).toBe('text/markdown');
      expect(await objectUrls.blobs[0].text()).toBe(markdown);
      expect(objectUrls.revokeObjectURL).toHaveBeenCalledWith(
        'blob:http://localhost/runbook',
      );
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      const button = screen.getByRole('button', { name: 'Download Markdown' });
      expect(button).toBeEnabled();
      expect(button).not.toHaveAttribute('aria-describedby');
    } finally {
      click.mockRestore();
      objectUrls.restore();
    }
  });

  it('shows why the download failed', async () => {
    const error = await makeResponseError(404, 'No such entity');
    const api = fakeServiceMeshApi({
      getRunbookMarkdown: () => Promise.reject(error),
    });
    await render(api);

    await userEvent.click(
      screen.getByRole('button', { name: 'Download Markdown' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not download the runbook: Request failed with 404 Not Found: No such entity',
    );
    const button = screen.getByRole('button', { name: 'Download Markdown' });
    expect(button).toBeEnabled();
    // The failure is announced and stays attached to the button.
    expect(button).toHaveAccessibleDescription(
      /^Could not download the runbook: Request failed with 404/,
    );
  });

  it('says so when the browser cannot save files', async () => {
    const api = fakeServiceMeshApi();
    await render(api);

    await userEvent.click(
      screen.getByRole('button', { name: 'Download Markdown' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not download the runbook: This browser cannot save files',
    );
    expect(api.getRunbookMarkdown).toHaveBeenCalledTimes(1);
  });
});
