import { parseEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { EntityMeshSummary } from '@meshlens/plugin-service-mesh-common';
import useAsync from 'react-use/esm/useAsync';
import { serviceMeshApiRef, ServiceMeshApi } from '../../api/ServiceMeshApi';
import { useUrlParam } from '../../hooks/useUrlParam';
import { EntityTraffic, trafficGraph } from '../../utils/trafficGraph';
import { TrafficGraph } from '../TrafficGraph/TrafficGraph';

/** Requests in flight at once, so that a large catalog does not flood the backend. */
const concurrency = 4;

async function loadTraffic(
  api: ServiceMeshApi,
  entities: EntityMeshSummary[],
): Promise<{ traffic: EntityTraffic[]; failed: string[] }> {
  const traffic: EntityTraffic[] = [];
  const failed: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < entities.length) {
      const entity = entities[next++];
      try {
        const metrics = await api.getEntityMetrics(
          parseEntityRef(entity.entityRef),
          '1h',
        );
        traffic.push({
          entityRef: entity.entityRef,
          callers: metrics.callers,
          callees: metrics.callees,
        });
      } catch {
        failed.push(entity.entityRef);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { traffic, failed };
}

/**
 * Props of {@link ClusterTrafficGraph}.
 *
 * @internal
 */
export interface ClusterTrafficGraphProps {
  entities: EntityMeshSummary[];
}

/**
 * The traffic graph of one cluster over the last hour, with the same rules
 * as an entity's: built in the browser from the callers and callees of every
 * meshed or partly meshed entity of the chosen cluster (kept in the URL as
 * `?cluster=`), since there is no cluster-wide edges route.
 *
 * @internal
 */
export function ClusterTrafficGraph(props: ClusterTrafficGraphProps) {
  const api = useApi(serviceMeshApiRef);
  const meshed = props.entities.filter(
    e => e.state === 'meshed' || e.state === 'partial',
  );
  const clusters = [...new Set(meshed.flatMap(e => e.clusters))].sort();
  const [cluster, setCluster] = useUrlParam(
    'cluster',
    clusters,
    clusters[0] ?? '',
  );
  const inCluster = meshed.filter(e => e.clusters.includes(cluster));
  const key = inCluster.map(e => e.entityRef).join(',');
  const { value, loading, error } = useAsync(
    () => loadTraffic(api, inCluster),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );

  let body;
  if (clusters.length === 0) {
    body = (
      <Typography variant="body2">
        No meshed entity yet: the graph shows traffic between meshed workloads.
      </Typography>
    );
  } else if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value) {
    const graph = trafficGraph(value.traffic);
    const shown = {
      ...graph,
      nodes: graph.nodes.filter(n => n.cluster === cluster),
    };
    const ids = new Set(shown.nodes.map(n => n.id));
    shown.edges = graph.edges.filter(e => ids.has(e.from) && ids.has(e.to));
    body = (
      <>
        {value.failed.length > 0 && (
          <Typography variant="body2" color="error" paragraph>
            {`Could not load the traffic of ${value.failed.join(', ')}.`}
          </Typography>
        )}
        <TrafficGraph
          graph={shown}
          label={`Traffic in cluster ${cluster} over the last hour`}
        />
      </>
    );
  }
  return (
    <InfoCard
      title="Traffic graph"
      subheader={`Who talks to whom among the ${inCluster.length} meshed entities of the cluster, over the last hour`}
      action={
        clusters.length > 1 ? (
          <TextField
            select
            id="service-mesh-graph-cluster"
            label="Cluster"
            value={cluster}
            onChange={event => setCluster(event.target.value)}
            style={{ minWidth: 180 }}
          >
            {clusters.map(option => (
              <MenuItem key={option} value={option}>
                {option}
              </MenuItem>
            ))}
          </TextField>
        ) : undefined
      }
    >
      {body}
    </InfoCard>
  );
}
