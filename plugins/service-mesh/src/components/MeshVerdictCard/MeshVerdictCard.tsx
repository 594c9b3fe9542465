import { InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import type { EntityMeshReport } from '@meshlens/plugin-service-mesh-common';
import { countPods } from '../../utils/countPods';
import type { SeriesTrend } from '../../utils/seriesTrend';
import { FoundingAnswer } from '../FoundingAnswer/FoundingAnswer';
import { MeshStateChip } from '../MeshStateChip/MeshStateChip';
import { RecommendationChip } from '../RecommendationChip/RecommendationChip';
import { TopFindings } from '../TopFindings/TopFindings';
import { VerdictStats } from '../VerdictStats/VerdictStats';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
  },
  heading: { margin: theme.spacing(1, 0) },
}));

function clustersLine(report: EntityMeshReport): string {
  const clusters = report.clusters.map(cluster => {
    if (!cluster.linkerdInstalled)
      return `${cluster.name}: Linkerd not installed`;
    return `${cluster.name}: Linkerd ${
      cluster.linkerdVersion ?? '(version unknown)'
    }`;
  });
  const time = new Date(report.generatedAt);
  const updated = Number.isNaN(time.getTime())
    ? report.generatedAt
    : time.toLocaleString();
  return [...clusters, `updated ${updated}`].join(' · ');
}

/**
 * Props of {@link MeshVerdictCard}.
 *
 * @internal
 */
export interface MeshVerdictCardProps {
  report: EntityMeshReport;
  /** The last hour against the hour before, when the series is loaded. */
  trend?: SeriesTrend;
  /** Re-fetches the report. */
  onRefresh: () => void;
  /** A re-fetch is running. */
  refreshing?: boolean;
}

/**
 * The verdict at the top of the Service Mesh tab: mesh state, meshed pods,
 * recommendation and score, the golden numbers with their trend, and the top
 * findings with their fix. For an entity outside the mesh it answers whether
 * it should join: why, the triggers, the cost and the first runbook step.
 *
 * @internal
 */
export function MeshVerdictCard(props: MeshVerdictCardProps) {
  const { report, trend, onRefresh, refreshing = false } = props;
  const classes = useStyles();
  const pods = countPods(report.workloads);
  const adoption = report.adoption;
  const outsideMesh =
    report.state !== 'meshed' &&
    adoption !== undefined &&
    adoption.recommendation !== 'already-meshed';

  return (
    <InfoCard
      title="Service mesh verdict"
      subheader={clustersLine(report)}
      action={
        <Button
          variant="outlined"
          onClick={onRefresh}
          disabled={refreshing}
          aria-busy={refreshing}
          startIcon={
            refreshing ? (
              <CircularProgress size={16} aria-label="Refreshing the report" />
            ) : (
              <RefreshIcon />
            )
          }
        >
          Refresh
        </Button>
      }
    >
      <div className={classes.summary}>
        <MeshStateChip state={report.state} size="medium" />
        <Typography variant="h6" component="p">
          {`Meshed pods ${pods.meshed}/${pods.total}`}
        </Typography>
        {adoption && (
          <>
            <RecommendationChip recommendation={adoption.recommendation} />
            <Typography variant="h6" component="p">
              {`Readiness score ${Math.round(adoption.score)}/100`}
            </Typography>
          </>
        )}
      </div>
      <Grid container spacing={3}>
        <Grid item xs={12} md={outsideMesh ? 12 : 7}>
          {report.goldenMetrics || report.mtls ? (
            <VerdictStats report={report} trend={trend} />
          ) : (
            !outsideMesh && (
              <Typography variant="body2" className={classes.heading}>
                No proxy metrics for this entity.
              </Typography>
            )
          )}
          {adoption && !outsideMesh && (
            <Typography variant="body2">{adoption.explanation}</Typography>
          )}
        </Grid>
        {outsideMesh && adoption && (
          <Grid item xs={12} md={7}>
            <Typography
              variant="subtitle1"
              component="h3"
              className={classes.heading}
            >
              Should it join the mesh?
            </Typography>
            <FoundingAnswer adoption={adoption} steps={report.runbook.steps} />
          </Grid>
        )}
        <Grid item xs={12} md={5}>
          <Typography
            variant="subtitle1"
            component="h3"
            className={classes.heading}
          >
            Top findings
          </Typography>
          <TopFindings findings={report.findings} />
        </Grid>
      </Grid>
    </InfoCard>
  );
}
