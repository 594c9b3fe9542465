import { parseEntityRef } from '@backstage/catalog-model';
import { Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  EntityMeshHistory,
  MeshHistoryPoint,
} from '@meshlens/plugin-service-mesh-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { serviceMeshApiRef } from '../../api/ServiceMeshApi';
import { formatPercent } from '../../utils/formatPercent';
import {
  HistorySeries,
  HistorySummary,
  summarizeHistory,
} from '../../utils/summarizeHistory';
import { triggerName } from '../../utils/triggerName';
import { HistorySparkline } from '../HistorySparkline/HistorySparkline';
import { SourceErrorPanel } from '../SourceErrorPanel/SourceErrorPanel';

/** A week of points at the backend's default 15-minute cadence. */
const historyLimit = 7 * 24 * 4;

const useStyles = makeStyles(theme => ({
  heading: { marginBottom: theme.spacing(1) },
  lines: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(4),
    marginBottom: theme.spacing(1),
  },
  warning: { marginBottom: theme.spacing(1) },
}));

const formatScore = (score: number) => `${Math.round(score)}`;

function Line(props: {
  label: string;
  series: HistorySeries;
  max: number;
  format: (value: number) => string;
}) {
  const { label, series, max, format } = props;
  return (
    <div>
      <Typography variant="body2" gutterBottom>
        {`${label} ${format(series.first)} → ${format(series.last)} since ${
          series.since
        }`}
      </Typography>
      <HistorySparkline
        label={label}
        points={series.points}
        max={max}
        format={format}
      />
    </div>
  );
}

function triggerChanges(summary: HistorySummary): string {
  const { since, startedFiring, stoppedFiring } = summary;
  const names = (ids: typeof startedFiring) => ids.map(triggerName).join(', ');
  const sentences = [
    startedFiring.length > 0 &&
      `Fired since ${since}: ${names(startedFiring)}.`,
    stoppedFiring.length > 0 &&
      `No longer firing since ${since}: ${names(stoppedFiring)}.`,
  ].filter(Boolean);
  return sentences.length > 0
    ? sentences.join(' ')
    : `No trigger started or stopped firing since ${since}.`;
}

function TooFewPoints(props: { first?: MeshHistoryPoint }) {
  const { first } = props;
  let firstPoint = '';
  if (first) {
    const score =
      first.score === undefined ? '' : ` (score ${formatScore(first.score)})`;
    firstPoint = ` First point: ${first.recordedAt.slice(0, 10)}${score}.`;
  }
  return (
    <Typography variant="body2">
      {`History builds up as the backend records a point every cycle (15 minutes by default).${firstPoint}`}
    </Typography>
  );
}

function Trend(props: { history: EntityMeshHistory }) {
  const classes = useStyles();
  const { points } = props.history;
  const summary = summarizeHistory(points);
  if (!summary || points.length < 2) return <TooFewPoints first={points[0]} />;
  return (
    <>
      <div className={classes.lines}>
        {summary.score && (
          <Line
            label="Score"
            series={summary.score}
            max={100}
            format={formatScore}
          />
        )}
        {summary.mtls && (
          <Line
            label="Inbound mTLS coverage"
            series={summary.mtls}
            max={1}
            format={formatPercent}
          />
        )}
      </div>
      <Typography variant="body2">{triggerChanges(summary)}</Typography>
    </>
  );
}

/**
 * Props of {@link HistoryTrend}.
 *
 * @internal
 */
export interface HistoryTrendProps {
  /** The entity, as a string ref (`component:default/checkout`). */
  entityRef: string;
}

/**
 * The trend of an entity's recorded mesh history: sparklines of the readiness
 * score and of inbound mTLS coverage with their first and last values, and
 * the triggers that started or stopped firing. A failure stays inside this
 * section; a backend with history disabled (503) is said so.
 *
 * @internal
 */
export function HistoryTrend(props: HistoryTrendProps) {
  const { entityRef } = props;
  const classes = useStyles();
  const api = useApi(serviceMeshApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getEntityHistory(parseEntityRef(entityRef), historyLimit),
    [api, entityRef],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error && (error as { statusCode?: number }).statusCode === 503) {
    body = (
      <Typography variant="body2">
        History is disabled in this portal's configuration.
      </Typography>
    );
  } else if (error) {
    body = (
      <>
        <div className={classes.warning}>
          <WarningPanel
            severity="error"
            defaultExpanded
            title="Could not load the history"
            message={error.message}
          />
        </div>
        <Button variant="outlined" size="small" onClick={retry}>
          Retry
        </Button>
      </>
    );
  } else if (value) {
    body = (
      <>
        {value.errors.map(sourceError => (
          <div className={classes.warning} key={sourceError.source}>
            <SourceErrorPanel error={sourceError} />
          </div>
        ))}
        <Trend history={value} />
      </>
    );
  }

  return (
    <section>
      <Typography
        variant="subtitle1"
        component="h3"
        className={classes.heading}
      >
        History
      </Typography>
      {body}
    </section>
  );
}
