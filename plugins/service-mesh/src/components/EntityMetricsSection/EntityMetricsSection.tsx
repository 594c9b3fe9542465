import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import type { EntityMetricsResponse } from '@meshlens/plugin-service-mesh-common';
import { useEntityMetrics } from '../../hooks/useEntityMetrics';
import { useUrlParam } from '../../hooks/useUrlParam';
import { trafficGraph } from '../../utils/trafficGraph';
import { EdgesTable } from '../EdgesTable/EdgesTable';
import { EgressTable } from '../EgressTable/EgressTable';
import { CrossClusterEdgesTable } from '../CrossClusterEdgesTable/CrossClusterEdgesTable';
import { GoldenMetricsCard } from '../GoldenMetricsCard/GoldenMetricsCard';
import { MetricsWindowSelector } from '../MetricsWindowSelector/MetricsWindowSelector';
import { SourceErrorPanel } from '../SourceErrorPanel/SourceErrorPanel';
import { TrafficGraph } from '../TrafficGraph/TrafficGraph';
import { ZoneLocalityCard } from '../ZoneLocalityCard/ZoneLocalityCard';

const windows = ['5m', '15m', '1h', '6h', '24h'] as const;

function Traffic(props: { entityRef: string; metrics: EntityMetricsResponse }) {
  const { entityRef, metrics } = props;
  const graph = trafficGraph(
    [
      {
        entityRef,
        callers: metrics.callers,
        callees: metrics.callees,
        crossCluster: metrics.crossClusterEdges,
      },
    ],
    entityRef,
  );
  return (
    <Grid container spacing={3}>
      {metrics.errors.map(sourceError => (
        <Grid item xs={12} key={sourceError.source}>
          <SourceErrorPanel error={sourceError} />
        </Grid>
      ))}
      <Grid item xs={12}>
        <TrafficGraph
          graph={graph}
          label={`Traffic of ${entityRef} over ${metrics.window}`}
        />
      </Grid>
      <Grid item xs={12}>
        <EdgesTable
          title={`Callers (${metrics.window})`}
          direction="callers"
          edges={metrics.callers}
          emptyMessage={`No callers in the last ${metrics.window}.`}
        />
      </Grid>
      <Grid item xs={12}>
        <EdgesTable
          title={`Callees (${metrics.window})`}
          direction="callees"
          edges={metrics.callees}
          emptyMessage={`The entity called nothing through its proxy in the last ${metrics.window}.`}
        />
      </Grid>
      <Grid item xs={12}>
        <ZoneLocalityCard
          zoneLocality={metrics.zoneLocality}
          window={metrics.window}
        />
      </Grid>
      <Grid item xs={12}>
        <CrossClusterEdgesTable
          edges={metrics.crossClusterEdges ?? []}
          window={metrics.window}
        />
      </Grid>
      <Grid item xs={12}>
        <EgressTable egress={metrics.egress} window={metrics.window} />
      </Grid>
    </Grid>
  );
}

/**
 * Props of {@link EntityMetricsSection}.
 *
 * @internal
 */
export interface EntityMetricsSectionProps {
  /** The entity, as a string ref (`component:default/checkout`). */
  entityRef: string;
  /** `golden`: the golden-metrics card; `traffic`: the graph with the callers and callees. */
  view?: 'golden' | 'traffic';
}

/**
 * The entity's metrics over a window kept in the URL (`?window=1h`): the
 * golden-metrics card, or the traffic graph with the callers and callees
 * tables. Choosing another window reloads only this section.
 *
 * @internal
 */
export function EntityMetricsSection(props: EntityMetricsSectionProps) {
  const { entityRef, view = 'golden' } = props;
  const [metricsWindow, setMetricsWindow] = useUrlParam(
    'window',
    windows,
    '1h',
  );
  const { value, loading, error, retry } = useEntityMetrics(
    entityRef,
    metricsWindow,
  );
  const metrics = loading || error ? undefined : value;

  if (view === 'golden') {
    return (
      <GoldenMetricsCard
        window={metricsWindow}
        onWindowChange={w => setMetricsWindow(w as (typeof windows)[number])}
        metrics={metrics}
        loading={loading}
        error={loading ? undefined : error}
        onRetry={retry}
      />
    );
  }
  let body;
  if (loading) body = <Progress />;
  else if (error) {
    body = (
      <>
        <ResponseErrorPanel error={error} />
        <Button variant="outlined" onClick={retry}>
          Retry
        </Button>
      </>
    );
  } else if (metrics)
    body = <Traffic entityRef={entityRef} metrics={metrics} />;
  return (
    <InfoCard
      title="Traffic"
      subheader={`Callers → this entity → callees over the last ${metricsWindow}: meshed callers from their proxies, unmeshed ones from this entity's plaintext requests`}
      action={
        <MetricsWindowSelector
          value={metricsWindow}
          onChange={w => setMetricsWindow(w as (typeof windows)[number])}
        />
      }
    >
      {body}
    </InfoCard>
  );
}
