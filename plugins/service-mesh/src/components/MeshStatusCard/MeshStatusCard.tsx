import { InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import type {
  ClusterMeshSummary,
  EntityMeshReport,
} from '@meshlens/plugin-service-mesh-common';
import { countPods } from '../../utils/countPods';
import { MeshStateChip } from '../MeshStateChip/MeshStateChip';
import { Field, FieldList } from '../FieldList/FieldList';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  clusters: { margin: 0, paddingLeft: 0, listStyle: 'none' },
}));

function describeCluster(cluster: ClusterMeshSummary): string {
  if (!cluster.linkerdInstalled) {
    return 'Linkerd not installed';
  }
  return cluster.linkerdVersion
    ? `Linkerd ${cluster.linkerdVersion}`
    : 'Linkerd (version unknown)';
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/**
 * Props of {@link MeshStatusCard}.
 *
 * @internal
 */
export interface MeshStatusCardProps {
  report: EntityMeshReport;
  /** Re-fetches the report. */
  onRefresh: () => void;
  /** A re-fetch is running. */
  refreshing?: boolean;
}

/**
 * Header card of the Service Mesh tab: state, meshed pods, clusters with their
 * Linkerd version, time of the report and a Refresh button.
 *
 * @internal
 */
export function MeshStatusCard(props: MeshStatusCardProps) {
  const { report, onRefresh, refreshing = false } = props;
  const classes = useStyles();
  const pods = countPods(report.workloads);

  return (
    <InfoCard
      title="Service mesh status"
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
      </div>
      <FieldList>
        <Field label="Clusters">
          {report.clusters.length === 0 ? (
            'none'
          ) : (
            <ul className={classes.clusters}>
              {report.clusters.map(cluster => (
                <li key={cluster.name}>
                  <strong>{cluster.name}</strong>: {describeCluster(cluster)}
                </li>
              ))}
            </ul>
          )}
        </Field>
        <Field label="Last update">
          <time dateTime={report.generatedAt} title={report.generatedAt}>
            {formatTime(report.generatedAt)}
          </time>
        </Field>
      </FieldList>
    </InfoCard>
  );
}
