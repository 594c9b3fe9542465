import Grid from '@material-ui/core/Grid';
import type { EntityMetricsResponse } from '@meshlens/plugin-service-mesh-common';
import { useState } from 'react';
import { useEntityMetrics } from '../../hooks/useEntityMetrics';
import { EdgesTable } from '../EdgesTable/EdgesTable';
import { GoldenMetricsCard } from '../GoldenMetricsCard/GoldenMetricsCard';

/** The window shown first. */
const defaultWindow = '1h';

function hasTraffic(metrics: EntityMetricsResponse): boolean {
  return (
    metrics.goldenMetrics !== undefined ||
    metrics.series.length > 0 ||
    metrics.callers.length > 0 ||
    metrics.callees.length > 0
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
}

/**
 * The traffic part of the Service Mesh tab: loads the entity's metrics once
 * per chosen window and shows them in the golden-metrics card and in the
 * callers and callees tables. Choosing another window reloads only this
 * section.
 *
 * @internal
 */
export function EntityMetricsSection(props: EntityMetricsSectionProps) {
  const [metricsWindow, setMetricsWindow] = useState(defaultWindow);
  const { value, loading, error, retry } = useEntityMetrics(
    props.entityRef,
    metricsWindow,
  );
  const metrics = loading || error ? undefined : value;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <GoldenMetricsCard
          window={metricsWindow}
          onWindowChange={setMetricsWindow}
          metrics={metrics}
          loading={loading}
          error={loading ? undefined : error}
          onRetry={retry}
        />
      </Grid>
      {metrics && hasTraffic(metrics) && (
        <>
          <Grid item xs={12}>
            <EdgesTable
              title={`Callers (${metrics.window})`}
              edges={metrics.callers}
              emptyMessage={`No meshed callers in the last ${metrics.window}. Clients without a proxy show up as plaintext sources under mTLS.`}
            />
          </Grid>
          <Grid item xs={12}>
            <EdgesTable
              title={`Callees (${metrics.window})`}
              edges={metrics.callees}
              emptyMessage={`The entity called nothing through its proxy in the last ${metrics.window}.`}
            />
          </Grid>
        </>
      )}
    </Grid>
  );
}
