import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useEntityMetrics } from '../../hooks/useEntityMetrics';
import { useUrlParam } from '../../hooks/useUrlParam';
import { MetricsWindowSelector } from '../MetricsWindowSelector/MetricsWindowSelector';
import { PolicyActivityCard } from '../PolicyActivityCard/PolicyActivityCard';
import { RouteActivityCard } from '../RouteActivityCard/RouteActivityCard';

const windows = ['5m', '15m', '1h', '6h', '24h'] as const;

/**
 * The Policy section's observed half, over the window kept in the URL
 * (`?window=1h`): policy activity (denials, rate limiting, audit) and the
 * HTTPRoutes in action, from the entity's metrics.
 *
 * @internal
 */
export function PolicyInAction(props: { entityRef: string }) {
  const [metricsWindow, setMetricsWindow] = useUrlParam(
    'window',
    windows,
    '1h',
  );
  const { value, loading, error, retry } = useEntityMetrics(
    props.entityRef,
    metricsWindow,
  );
  if (loading) return <Progress />;
  if (error || !value) {
    return (
      <>
        {error && <ResponseErrorPanel error={error} />}
        <Button variant="outlined" onClick={retry}>
          Retry
        </Button>
      </>
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <MetricsWindowSelector
          value={metricsWindow}
          onChange={w => setMetricsWindow(w as (typeof windows)[number])}
        />
      </Grid>
      <Grid item xs={12}>
        <PolicyActivityCard
          activity={value.policyActivity}
          window={value.window}
        />
      </Grid>
      <Grid item xs={12}>
        <RouteActivityCard
          routes={value.routeActivity}
          inbound={value.inboundRoutes}
          window={value.window}
        />
      </Grid>
    </Grid>
  );
}
