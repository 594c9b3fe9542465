import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ClusterList,
  EntityMeshHistory,
  EntityMeshList,
  EntityMeshReport,
  EntityMetricsResponse,
  GroupRollup,
} from '@meshlens/plugin-service-mesh-common';
import { ServiceMeshApi } from './ServiceMeshApi';

/**
 * Default {@link ServiceMeshApi} implementation, talking HTTP to the
 * `service-mesh` backend plugin.
 *
 * @public
 */
export class ServiceMeshClient implements ServiceMeshApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  /**
   * @param options - `discoveryApi` resolves the backend base URL, `fetchApi`
   *   performs the (authenticated) requests.
   */
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  /** {@inheritDoc ServiceMeshApi.getEntityReport} */
  async getEntityReport(
    entityRef: CompoundEntityRef,
  ): Promise<EntityMeshReport> {
    return this.get<EntityMeshReport>(await this.entityUrl(entityRef));
  }

  /** {@inheritDoc ServiceMeshApi.getEntityMetrics} */
  async getEntityMetrics(
    entityRef: CompoundEntityRef,
    window: string,
  ): Promise<EntityMetricsResponse> {
    const query = new URLSearchParams({ window });
    return this.get<EntityMetricsResponse>(
      `${await this.entityUrl(entityRef)}/metrics?${query}`,
    );
  }

  /** {@inheritDoc ServiceMeshApi.getRunbookMarkdown} */
  async getRunbookMarkdown(entityRef: CompoundEntityRef): Promise<string> {
    const url = `${await this.entityUrl(entityRef)}/runbook`;
    const response = await this.fetchApi.fetch(url, {
      headers: { Accept: 'text/markdown' },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.text();
  }

  /** {@inheritDoc ServiceMeshApi.getEntityHistory} */
  async getEntityHistory(
    entityRef: CompoundEntityRef,
    limit?: number,
  ): Promise<EntityMeshHistory> {
    const query =
      limit === undefined
        ? ''
        : `?${new URLSearchParams({ limit: `${limit}` })}`;
    return this.get<EntityMeshHistory>(
      `${await this.entityUrl(entityRef)}/history${query}`,
    );
  }

  /** {@inheritDoc ServiceMeshApi.getGroupRollup} */
  async getGroupRollup(groupRef: CompoundEntityRef): Promise<GroupRollup> {
    const path = [groupRef.namespace, groupRef.name]
      .map(segment => encodeURIComponent(segment))
      .join('/');
    return this.get<GroupRollup>(`${await this.baseUrl()}/v1/groups/${path}`);
  }

  /** {@inheritDoc ServiceMeshApi.getEntities} */
  async getEntities(): Promise<EntityMeshList> {
    return this.get<EntityMeshList>(`${await this.baseUrl()}/v1/entities`);
  }

  /** {@inheritDoc ServiceMeshApi.getClusters} */
  async getClusters(): Promise<ClusterList> {
    return this.get<ClusterList>(
      `${await this.baseUrl()}/v1/clusters`,
    );
  }

  private baseUrl(): Promise<string> {
    return this.discoveryApi.getBaseUrl('service-mesh');
  }

  /** `{base}/v1/entities/:kind/:namespace/:name`, kind lowercased, every segment encoded. */
  private async entityUrl(entityRef: CompoundEntityRef): Promise<string> {
    const baseUrl = await this.baseUrl();
    const path = [
      entityRef.kind.toLocaleLowerCase('en-US'),
      entityRef.namespace,
      entityRef.name,
    ]
      .map(segment => encodeURIComponent(segment))
      .join('/');
    return `${baseUrl}/v1/entities/${path}`;
  }

  private async get<T>(url: string): Promise<T> {
    const response = await this.fetchApi.fetch(url);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
