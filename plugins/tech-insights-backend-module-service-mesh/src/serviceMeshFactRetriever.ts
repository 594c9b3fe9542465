import { FactRetriever, TechInsightFact } from '@backstage-community/plugin-tech-insights-node';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { EntityMeshList } from '@meshlens/plugin-service-mesh-common';
import { meshFacts, MESH_FACT_SCHEMA } from './meshFacts';

/**
 * Reads every entity's mesh summary from the service-mesh backend (`GET /v1/entities`, one call
 * per run, with the plugin's own credentials) and turns it into facts. Entities that the
 * service-mesh backend does not tie to Kubernetes get no facts.
 */
export const serviceMeshFactRetriever: FactRetriever = {
  id: 'serviceMeshFactRetriever',
  version: '0.1.0',
  title: 'Service mesh',
  description: 'Linkerd mesh coverage, mTLS coverage and adoption readiness from Meshlens',
  entityFilter: [{ kind: ['component', 'resource', 'system'] }],
  schema: MESH_FACT_SCHEMA,
  async handler({ discovery, auth, logger }): Promise<TechInsightFact[]> {
    const baseUrl = await discovery.getBaseUrl('service-mesh');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'service-mesh',
    });
    const res = await fetch(`${baseUrl}/v1/entities`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw await ResponseError.fromResponse(res);
    const list = (await res.json()) as EntityMeshList;
    for (const e of list.errors) logger.warn(`service-mesh source degraded: ${e.source}: ${e.message}`);
    return list.entities.map(s => {
      const { kind, namespace, name } = parseEntityRef(s.entityRef);
      return { entity: { kind, namespace, name }, facts: meshFacts(s) };
    });
  },
};
