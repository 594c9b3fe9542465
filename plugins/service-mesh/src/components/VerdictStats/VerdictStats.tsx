import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { EntityMeshReport } from '@meshlens/plugin-service-mesh-common';
import { formatMs } from '../../utils/formatMs';
import { formatNumber } from '../../utils/formatNumber';
import { formatPercent } from '../../utils/formatPercent';
import type { SeriesTrend } from '../../utils/seriesTrend';

const useStyles = makeStyles(theme => ({
  stats: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    margin: theme.spacing(2, 0, 1),
  },
  stat: { margin: 0, minWidth: theme.spacing(11) },
  label: { color: theme.palette.text.secondary },
  value: { margin: 0, whiteSpace: 'nowrap' },
  trend: { color: theme.palette.text.secondary, whiteSpace: 'nowrap' },
}));

type Direction = 'better' | 'worse' | 'same';

/** `▲ 12%` / `▼ 0.4 pt` against the previous window, and whether that is good. */
function change(
  current: number | undefined,
  previous: number | undefined,
  kind: 'ratio' | 'relative',
  higherIsBetter: boolean | undefined,
): { text: string; direction: Direction } | undefined {
  if (current === undefined || previous === undefined) return undefined;
  // A relative change from nothing has no size.
  if (kind === 'relative' && previous === 0) return undefined;
  const delta =
    kind === 'ratio'
      ? (current - previous) * 100
      : ((current - previous) / previous) * 100;
  const unit = kind === 'ratio' ? ' pt' : '%';
  if (Math.abs(delta) < 0.05) return { text: '= previous', direction: 'same' };
  const arrow = delta > 0 ? '▲' : '▼';
  let direction: Direction = 'same';
  if (higherIsBetter !== undefined) {
    direction = delta > 0 === higherIsBetter ? 'better' : 'worse';
  }
  return {
    text: `${arrow} ${formatNumber(Math.abs(delta))}${unit}`,
    direction,
  };
}

/**
 * Props of {@link VerdictStats}.
 *
 * @internal
 */
export interface VerdictStatsProps {
  report: EntityMeshReport;
  /** The last window against the one before, from the metrics series. */
  trend?: SeriesTrend;
}

/**
 * The numbers of the verdict header: inbound mTLS share, success rate, RPS
 * and p95, each with its change against the previous window when known.
 *
 * @internal
 */
export function VerdictStats(props: VerdictStatsProps) {
  const { report, trend } = props;
  const classes = useStyles();
  const golden = report.goldenMetrics;
  const stats: Array<{
    label: string;
    value: string;
    change?: ReturnType<typeof change>;
  }> = [
    {
      label: 'Inbound mTLS',
      value: report.mtls ? formatPercent(report.mtls.inboundTlsRatio) : '—',
    },
    {
      label: 'Success rate',
      value: golden ? formatPercent(golden.successRate) : '—',
      change: change(
        trend?.current.successRate,
        trend?.previous.successRate,
        'ratio',
        true,
      ),
    },
    {
      label: 'RPS',
      value: golden ? formatNumber(golden.rps) : '—',
      change: change(
        trend?.current.rps,
        trend?.previous.rps,
        'relative',
        undefined,
      ),
    },
    {
      label: 'p95 latency',
      value: golden ? formatMs(golden.latencyMs.p95) : '—',
      change: change(
        trend?.current.p95,
        trend?.previous.p95,
        'relative',
        false,
      ),
    },
  ];
  return (
    <dl className={classes.stats} aria-label="Golden metrics">
      {stats.map(stat => (
        <div key={stat.label} className={classes.stat}>
          <Typography component="dt" variant="body2" className={classes.label}>
            {stat.label}
          </Typography>
          <Typography component="dd" variant="h5" className={classes.value}>
            {stat.value}
          </Typography>
          {stat.change && (
            <Typography
              component="dd"
              variant="caption"
              className={classes.trend}
              data-direction={stat.change.direction}
              title="Last hour against the hour before, from the metrics series"
            >
              {`${stat.change.text} vs previous hour`}
            </Typography>
          )}
        </div>
      ))}
    </dl>
  );
}
