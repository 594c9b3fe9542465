import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  EntityMetricsResponse,
  GoldenMetrics,
} from '@meshlens/plugin-service-mesh-common';
import { lazy, Suspense } from 'react';
import { formatMs } from '../../utils/formatMs';
import { formatNumber } from '../../utils/formatNumber';
import { formatPercent } from '../../utils/formatPercent';
import { MetricsWindowSelector } from '../MetricsWindowSelector/MetricsWindowSelector';
import { SourceErrorPanel } from '../SourceErrorPanel/SourceErrorPanel';

const useStyles = makeStyles(theme => ({
  stats: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(4),
    margin: theme.spacing(0, 0, 3),
  },
  stat: { margin: 0 },
  statLabel: { color: theme.palette.text.secondary },
  statValue: { margin: 0 },
  warning: { marginBottom: theme.spacing(2) },
}));

// The charts load in a chunk of their own, after the numbers are on screen.
const TimeSeriesChart = lazy(() =>
  import('../TimeSeriesChart/TimeSeriesChart').then(m => ({
    default: m.TimeSeriesChart,
  })),
);

function Stats(props: { metrics: GoldenMetrics }) {
  const classes = useStyles();
  const { successRate, rps, latencyMs } = props.metrics;
  const stats: Array<[string, string]> = [
    ['Success rate', formatPercent(successRate)],
    ['RPS', formatNumber(rps)],
    ['p50 latency', formatMs(latencyMs.p50)],
    ['p95 latency', formatMs(latencyMs.p95)],
    ['p99 latency', formatMs(latencyMs.p99)],
  ];
  return (
    <dl className={classes.stats}>
      {stats.map(([label, value]) => (
        <div key={label} className={classes.stat}>
          <Typography
            component="dt"
            variant="body2"
            className={classes.statLabel}
          >
            {label}
          </Typography>
          <Typography component="dd" variant="h5" className={classes.statValue}>
            {value}
          </Typography>
        </div>
      ))}
    </dl>
  );
}

function Charts(props: { series: EntityMetricsResponse['series'] }) {
  const { series } = props;
  const charts = [
    {
      label: 'Success rate',
      format: formatPercent,
      floor: 0,
      ceiling: 1,
      points: series.map(p => ({ t: p.t, value: p.successRate })),
    },
    {
      label: 'RPS',
      format: formatNumber,
      floor: 0,
      points: series.map(p => ({ t: p.t, value: p.rps })),
    },
    {
      label: 'p95 latency',
      format: formatMs,
      floor: 0,
      points: series.map(p => ({ t: p.t, value: p.latencyMs?.p95 })),
    },
  ];
  return (
    <Grid container spacing={2}>
      {charts.map(chart => (
        <Grid item xs={12} md={4} key={chart.label}>
          <Typography variant="subtitle2" component="h3">
            {chart.label}
          </Typography>
          <Suspense fallback={<Progress />}>
            <TimeSeriesChart {...chart} />
          </Suspense>
        </Grid>
      ))}
    </Grid>
  );
}

function Body(props: GoldenMetricsCardProps) {
  const classes = useStyles();
  const { metrics, loading, error, onRetry } = props;
  if (loading) return <Progress />;
  if (error) {
    return (
      <>
        <ResponseErrorPanel error={error} />
        {onRetry && (
          <Button variant="outlined" onClick={onRetry}>
            Retry
          </Button>
        )}
      </>
    );
  }
  if (!metrics) return null;

  const warnings = metrics.errors.map(sourceError => (
    <div className={classes.warning} key={sourceError.source}>
      <SourceErrorPanel error={sourceError} />
    </div>
  ));
  if (!metrics.goldenMetrics && metrics.series.length === 0) {
    return (
      <>
        {warnings}
        {warnings.length === 0 && (
          <EmptyState
            missing="info"
            title="No proxy metrics"
            description="Meshlens reads golden metrics from a Prometheus that scrapes the Linkerd proxies. Add prometheus.url to this cluster's entry under serviceMesh.clusters in app-config.yaml, or record proxy metrics in the cluster snapshot."
          />
        )}
      </>
    );
  }
  return (
    <>
      {warnings}
      {metrics.goldenMetrics ? (
        <Stats metrics={metrics.goldenMetrics} />
      ) : (
        <Typography variant="body2" paragraph>
          {`No requests served in the last ${metrics.window}.`}
        </Typography>
      )}
      {metrics.series.length > 0 && <Charts series={metrics.series} />}
    </>
  );
}

/**
 * Props of {@link GoldenMetricsCard}.
 *
 * @internal
 */
export interface GoldenMetricsCardProps {
  /** The selected window, e.g. `1h`. */
  window: string;
  onWindowChange: (window: string) => void;
  /** The metrics of the selected window, once loaded. */
  metrics?: EntityMetricsResponse;
  loading: boolean;
  error?: Error;
  /** Loads the selected window again after an error. */
  onRetry?: () => void;
}

/**
 * Golden metrics of an entity's inbound traffic over a chosen window: success
 * rate, RPS and latency percentiles, with small charts of the success rate,
 * RPS and p95 latency over the window. Tells what to configure when there
 * are no proxy metrics.
 *
 * @internal
 */
export function GoldenMetricsCard(props: GoldenMetricsCardProps) {
  return (
    <InfoCard
      title="Golden metrics"
      subheader={`Inbound traffic over the last ${props.window}: success rate and RPS as linkerd viz stat counts them (probes and scrapes included); latency percentiles over the whole window, where viz stat takes irate over its last samples`}
      action={
        <MetricsWindowSelector
          value={props.window}
          onChange={props.onWindowChange}
        />
      }
    >
      <Body {...props} />
    </InfoCard>
  );
}
