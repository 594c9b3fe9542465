import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { EntityMeshReport } from '@meshlens/plugin-service-mesh-common';
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
    const baseUrl = await this.discoveryApi.getBaseUrl('service-mesh');
    const path = [
      entityRef.kind.toLocaleLowerCase('en-US'),
      entityRef.namespace,
      entityRef.name,
    ]
      .map(segment => encodeURIComponent(segment))
      .join('/');

    const response = await this.fetchApi.fetch(
      `${baseUrl}/v1/entities/${path}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as EntityMeshReport;
  }
}
