import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ClusterAdoptionReport,
  TriggerReport,
} from '@meshlens/plugin-service-mesh-common';
import { triggerName } from '../../utils/triggerName';
import { AdoptionSummary } from '../AdoptionSummary/AdoptionSummary';
import { RecommendationChip } from '../RecommendationChip/RecommendationChip';

const useStyles = makeStyles(theme => ({
  heading: { marginBottom: theme.spacing(1) },
  row: { display: 'flex', alignItems: 'center', gap: theme.spacing(2) },
  name: { minWidth: theme.spacing(16) },
  bar: { flex: 1, minWidth: theme.spacing(12), height: 8, borderRadius: 4 },
  percent: { minWidth: theme.spacing(5), textAlign: 'right' },
  list: { margin: theme.spacing(0.5, 0, 1.5), paddingLeft: theme.spacing(2.5) },
}));

/** Share of its bar a trigger reached, 0..100. */
function percentOf(t: TriggerReport): number {
  const share = t.fired ? 1 : t.progress ?? t.strength;
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

const shortRef = (ref: string) => ref.replace(/^[a-z]+:[^/]*\//, '');

/**
 * Props of {@link ClusterVerdictCard}.
 *
 * @internal
 */
export interface ClusterVerdictCardProps {
  /** The cluster's name. */
  cluster: string;
  adoption: ClusterAdoptionReport;
}

/**
 * The founding evaluation's question for one cluster: should it adopt a
 * service mesh. The recommendation and score with the explanation, the five
 * triggers over the whole cluster (share of the bar, evidence, what would
 * change it), the systems closest to their bars, and the cost for the cluster.
 *
 * @internal
 */
export function ClusterVerdictCard(props: ClusterVerdictCardProps) {
  const { cluster, adoption } = props;
  const classes = useStyles();
  const { cost } = adoption;
  const share = cost.allocatableMemoryMiB
    ? ` (${((cost.totalMemoryMiB / cost.allocatableMemoryMiB) * 100).toFixed(1)} % of ${Math.round(cost.allocatableMemoryMiB / 1024)} GiB allocatable)`
    : '';

  return (
    <InfoCard
      title={`Should ${cluster} adopt a service mesh?`}
      subheader="The adoption triggers over the whole cluster, its closest systems, and what Linkerd would cost"
    >
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <AdoptionSummary adoption={adoption} />
        </Grid>
        <Grid item xs={12} md={7}>
          <Typography variant="subtitle1" component="h3" className={classes.heading}>
            Triggers over the cluster
          </Typography>
          {adoption.triggers.map(t => {
            const name = triggerName(t.id);
            const percent = percentOf(t);
            return (
              <div key={t.id}>
                <div className={classes.row}>
                  <Typography variant="subtitle2" component="h4" className={classes.name}>
                    {name}
                  </Typography>
                  <LinearProgress
                    className={classes.bar}
                    variant="determinate"
                    value={percent}
                    aria-label={`${name}: share of its bar`}
                    aria-valuetext={`${percent}%`}
                  />
                  <Typography variant="body2" className={classes.percent}>
                    {`${percent}%`}
                  </Typography>
                  {t.fired && <Chip size="small" color="primary" label="fired" />}
                </div>
                <ul className={classes.list} aria-label={`${name} evidence`}>
                  {[...t.evidence, ...(t.whatWouldChange ? [`What would change it: ${t.whatWouldChange}.`] : [])].map(line => (
                    <Typography key={line} component="li" variant="caption" color="textSecondary" display="block">
                      {line}
                    </Typography>
                  ))}
                </ul>
              </div>
            );
          })}
        </Grid>
        <Grid item xs={12} md={5}>
          <Typography variant="subtitle1" component="h3" className={classes.heading}>
            Closest systems
          </Typography>
          <ul className={classes.list} aria-label="Closest systems">
            {adoption.closestSystems.map(s => (
              <li key={s.ref}>
                <div className={classes.row}>
                  <Typography variant="subtitle2" component="span">
                    {shortRef(s.ref)}
                  </Typography>
                  <RecommendationChip recommendation={s.recommendation} size="small" />
                </div>
                <Typography variant="caption" color="textSecondary" display="block">
                  {s.summary}
                </Typography>
              </li>
            ))}
          </ul>
          <Typography variant="subtitle1" component="h3" className={classes.heading}>
            Cost for the cluster
          </Typography>
          <Typography variant="body2">
            {`≈ ${cost.totalMemoryMiB} MiB${share}: control plane ${cost.controlPlaneMemoryMiB} MiB, ${cost.meshablePods} proxies ${cost.sidecarMemoryMiB} MiB${cost.extras.map(e => `, ${e.name} ${e.memoryMiB} MiB`).join('')}.`}
          </Typography>
          <ul className={classes.list} aria-label="Cost statements">
            {cost.statements.map(line => (
              <Typography key={line} component="li" variant="caption" color="textSecondary" display="block">
                {line}
              </Typography>
            ))}
          </ul>
        </Grid>
      </Grid>
    </InfoCard>
  );
}
