import {
  discoveryApiRef,
  fetchApiRef,
  type FetchApi,
} from '@backstage/frontend-plugin-api';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ServiceMeshScorecardCard } from './ServiceMeshScorecardCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orchestrator',
    namespace: 'homelab-meshed',
    annotations: { 'backstage.io/kubernetes-id': 'orchestrator' },
  },
  spec: { type: 'service', owner: 'homelab-ops', lifecycle: 'production' },
};

const base = 'http://backend.test/api/tech-insights';
const discoveryApi = {
  getBaseUrl: async (id: string) => `http://backend.test/api/${id}`,
};

const check = (id: string, name: string, description: string) => ({
  id,
  type: 'json-rules-engine',
  name,
  description,
  factIds: ['serviceMeshFactRetriever'],
});
const meshed = check(
  'serviceMeshMeshed',
  'Runs in the mesh',
  'Every pod of the entity runs the Linkerd proxy.',
);
const mtls = check(
  'serviceMeshMtls',
  'Inbound traffic over mTLS',
  'At least 95% of inbound requests in the metrics window used mTLS.',
);
const noWarnings = check(
  'serviceMeshNoWarnings',
  'No mesh warnings',
  'Meshlens reports no finding of severity warning or error.',
);
const readiness = check(
  'serviceMeshReadiness',
  'Mesh adoption decided',
  'Meshed already, or fewer than two adoption triggers fired.',
);

// As the Tech Insights backend answers: in no particular order, each with the facts it read.
const allFour = [
  {
    check: readiness,
    result: true,
    facts: {
      meshed: { value: true, type: 'boolean' },
      triggersFired: { value: 0, type: 'integer' },
    },
  },
  {
    check: noWarnings,
    result: false,
    facts: { findingsWarning: { value: 1, type: 'integer' } },
  },
  {
    check: meshed,
    result: true,
    facts: { meshed: { value: true, type: 'boolean' } },
  },
  {
    check: mtls,
    result: true,
    facts: { mtlsInboundRatio: { value: 1, type: 'float' } },
  },
];

type Route = { status: number; body: unknown };

/** A fetchApi answering from a table of `METHOD url` routes, recording each request. */
function fakeFetch(routes: Record<string, Route>) {
  const requests: Array<{ method: string; url: string; body?: unknown }> = [];
  const fetchApi: FetchApi = {
    fetch: async (input, init) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      requests.push({
        method,
        url,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      });
      const route = routes[`${method} ${url}`] ?? {
        status: 404,
        body: { error: { message: 'no route' } },
      };
      return new Response(JSON.stringify(route.body), {
        status: route.status,
        statusText: route.status === 200 ? 'OK' : 'Internal Server Error',
        headers: { 'Content-Type': 'application/json' },
      });
    },
  };
  return { fetchApi, requests };
}

const runUrl = `POST ${base}/checks/run/homelab-meshed/component/orchestrator`;

function render(fetchApi: FetchApi) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
      ]}
    >
      <EntityProvider entity={entity}>
        <ServiceMeshScorecardCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('ServiceMeshScorecardCard', () => {
  it('runs the four checks for the entity and shows each passed or failed in words', async () => {
    const { fetchApi, requests } = fakeFetch({
      [runUrl]: { status: 200, body: allFour },
    });
    render(fetchApi);

    const list = await screen.findByRole('list', {
      name: 'Service mesh checks',
    });
    expect(screen.getByText('Service mesh scorecard')).toBeInTheDocument();
    expect(screen.getByText('3 of 4 checks passed')).toBeInTheDocument();
    expect(
      within(list)
        .getAllByRole('listitem')
        .map(item => item.textContent?.split('.')[0]),
    ).toEqual([
      'Runs in the mesh: passedEvery pod of the entity runs the Linkerd proxy',
      'Inbound traffic over mTLS: passedAt least 95% of inbound requests in the metrics window used mTLS',
      'No mesh warnings: failedMeshlens reports no finding of severity warning or error',
      'Mesh adoption decided: passedMeshed already, or fewer than two adoption triggers fired',
    ]);
    expect(
      within(
        screen.getByTestId('scorecard-check-serviceMeshNoWarnings'),
      ).getByText('findingsWarning = 1'),
    ).toBeInTheDocument();
    // The icons repeat the words, so assistive technology skips them.
    list
      .querySelectorAll('svg')
      .forEach(icon => expect(icon).toHaveAttribute('aria-hidden', 'true'));
    expect(requests).toEqual([
      {
        method: 'POST',
        url: `${base}/checks/run/homelab-meshed/component/orchestrator`,
        body: {
          checks: [
            'serviceMeshMeshed',
            'serviceMeshMtls',
            'serviceMeshNoWarnings',
            'serviceMeshReadiness',
          ],
        },
      },
    ]);
  });

  it('names a check Tech Insights could not run from its definition, as not evaluated', async () => {
    // Without proxy metrics there is no mtlsInboundRatio fact, and Tech Insights leaves the check out.
    const { fetchApi, requests } = fakeFetch({
      [runUrl]: {
        status: 200,
        body: allFour.filter(r => r.check.id !== 'serviceMeshMtls'),
      },
      [`GET ${base}/checks`]: {
        status: 200,
        body: [meshed, mtls, noWarnings, readiness],
      },
    });
    render(fetchApi);

    const item = await screen.findByTestId('scorecard-check-serviceMeshMtls');
    expect(item).toHaveTextContent('Inbound traffic over mTLS: not evaluated');
    expect(item).toHaveTextContent(
      'A fact this check reads has not been collected for this entity.',
    );
    expect(screen.getByText('2 of 4 checks passed')).toBeInTheDocument();
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual([
      runUrl,
      `GET ${base}/checks`,
    ]);
  });

  it('says facts are collected every minute while there are none, and checks again on request', async () => {
    const routes: Record<string, Route> = {
      [runUrl]: { status: 200, body: [] },
    };
    const { fetchApi, requests } = fakeFetch(routes);
    render(fetchApi);

    expect(
      await screen.findByText('No Tech Insights facts yet'),
    ).toBeInTheDocument();
    expect(screen.getByText(/collected every minute/)).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Service mesh checks' }),
    ).not.toBeInTheDocument();

    routes[runUrl] = { status: 200, body: allFour };
    await userEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByText('3 of 4 checks passed')).toBeInTheDocument();
    expect(requests).toHaveLength(2);
  });

  it('shows why the checks could not run', async () => {
    const { fetchApi } = fakeFetch({
      [runUrl]: {
        status: 500,
        body: { error: { name: 'Error', message: 'database is locked' } },
      },
    });
    render(fetchApi);

    expect(
      await screen.findByText(/Could not run the scorecard checks/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(
        /Tech Insights request failed with 500 Internal Server Error: database is locked/,
      ).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByRole('button', { name: 'Check again' }),
    ).toBeInTheDocument();
  });
});
