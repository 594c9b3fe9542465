import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';

/** A fact the check read, as Tech Insights returns it. */
export interface CheckFact {
  value?: unknown;
  type?: string;
  description?: string;
}

/** One row of the scorecard. */
export interface ScorecardCheck {
  id: string;
  name: string;
  description: string;
  /** `undefined` when Tech Insights could not run the check: a fact it reads is missing. */
  result?: boolean;
  facts: Record<string, CheckFact>;
}

/** The scorecard of an entity; `checks` is empty when there are no facts for it yet. */
export interface ServiceMeshScorecard {
  checks: ScorecardCheck[];
}

interface CheckResponse {
  check: { id: string; name: string; description?: string };
  result: boolean;
  facts?: Record<string, CheckFact>;
}

interface CheckDefinition {
  id: string;
  name: string;
  description?: string;
}

/** The entity a scorecard is for, as Tech Insights addresses it. */
export interface ScorecardEntity {
  kind: string;
  namespace: string;
  name: string;
}

async function requestJson<T>(
  fetchApi: FetchApi,
  url: string,
  init?: RequestInit,
): Promise<T> {
  const response = await fetchApi.fetch(url, init);
  if (!response.ok) {
    // Backstage backends answer errors with { error: { message } }.
    const body = await response.json().catch(() => undefined);
    const reason = body?.error?.message ? `: ${body.error.message}` : '';
    throw new Error(
      `Tech Insights request failed with ${response.status} ${response.statusText}${reason}`,
    );
  }
  return (await response.json()) as T;
}

/**
 * Runs the given Tech Insights checks for an entity
 * (`POST /checks/run/:namespace/:kind/:name`) and returns them in the order
 * asked for. Tech Insights leaves out a check when a fact it reads is
 * missing (for example the mTLS ratio of an entity without proxy metrics);
 * such checks are returned without a result, named from `GET /checks`.
 */
export async function loadServiceMeshScorecard(
  apis: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  entity: ScorecardEntity,
  checkIds: readonly string[],
): Promise<ServiceMeshScorecard> {
  const baseUrl = await apis.discoveryApi.getBaseUrl('tech-insights');
  const path = [entity.namespace, entity.kind, entity.name]
    .map(encodeURIComponent)
    .join('/');
  const results = await requestJson<CheckResponse[]>(
    apis.fetchApi,
    `${baseUrl}/checks/run/${path}`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ checks: checkIds }),
    },
  );
  if (results.length === 0) {
    return { checks: [] };
  }

  const byId = new Map(results.map(r => [r.check.id, r]));
  const definitions = checkIds.every(id => byId.has(id))
    ? []
    : await requestJson<CheckDefinition[]>(apis.fetchApi, `${baseUrl}/checks`);
  const definitionById = new Map(definitions.map(d => [d.id, d]));

  return {
    checks: checkIds.map(id => {
      const ran = byId.get(id);
      if (ran) {
        return {
          id,
          name: ran.check.name,
          description: ran.check.description ?? '',
          result: ran.result,
          facts: ran.facts ?? {},
        };
      }
      const definition = definitionById.get(id);
      return {
        id,
        name: definition?.name ?? id,
        description: definition?.description ?? '',
        facts: {},
      };
    }),
  };
}
