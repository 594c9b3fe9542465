import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import type {
  ClusterMeshSummary,
  WorkloadReport,
} from '@meshlens/plugin-service-mesh-common';
import { workloadLabel } from '../../utils/workloadLabel';
import { tracingSummary, workloadTracingCell } from '../../utils/tracingSummary';
import { CompactTable } from '../CompactTable/CompactTable';
import { ExternalWorkloadsTable } from '../ExternalWorkloadsTable/ExternalWorkloadsTable';

const filled = (theme: Theme, color: string) => ({
  backgroundColor: color,
  color: theme.palette.getContrastText(color),
});

const useStyles = makeStyles(theme => ({
  drift: filled(theme, theme.palette.warning.main),
  current: filled(theme, theme.palette.success.main),
}));

function TracesCell(props: { tracing: WorkloadReport['tracing'] }) {
  const { text, title } = workloadTracingCell(props.tracing);
  return <span title={title}>{text}</span>;
}

function VersionChip(props: { drift: boolean }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={props.drift ? 'drift' : 'current'}
      className={props.drift ? classes.drift : classes.current}
      data-testid="proxy-version-status"
    />
  );
}

/**
 * Props of {@link ProxiesCard}.
 *
 * @internal
 */
export interface ProxiesCardProps {
  workloads: WorkloadReport[];
  clusters: ClusterMeshSummary[];
}

/**
 * The Linkerd proxies of an entity's workloads: per meshed workload the proxy
 * version against its cluster's control plane (a "drift" chip when they
 * differ, "current" when they match), whether the proxy runs as a native
 * sidecar and how many pods are meshed; unmeshed workloads show "no proxy".
 *
 * @internal
 */
export function ProxiesCard(props: ProxiesCardProps) {
  const { workloads, clusters } = props;
  const clusterByName = new Map(clusters.map(c => [c.name, c]));

  // ExternalWorkloads have no pods: they are listed apart, below.
  const rows = workloads
    .filter(workload => !workload.external)
    .map(workload => {
      const label = workloadLabel(workload);
      const pods = `${workload.meshedPods}/${workload.totalPods} pods meshed`;
      if (workload.meshedPods === 0) {
        return { key: label, cells: [label, 'no proxy', '—', '—', '—', pods, '—'] };
      }
      const controlPlane = clusterByName.get(workload.cluster)?.linkerdVersion;
      const proxy = workload.proxyVersion;
      return {
        key: label,
        cells: [
          label,
          proxy ?? 'unknown',
          controlPlane ?? 'unknown',
          proxy && controlPlane ? (
            <VersionChip drift={proxy !== controlPlane} />
          ) : (
            '—'
          ),
          workload.nativeSidecar ? 'yes' : 'no',
          pods,
          <TracesCell tracing={workload.tracing} />,
        ],
      };
    });

  return (
    <InfoCard
      title="Proxies"
      subheader="Proxy versions against the control plane, native sidecars, meshed pods and trace export"
    >
      <CompactTable
        label="Proxies"
        headers={[
          'Workload',
          'Proxy version',
          'Control plane',
          'Version',
          'Native sidecar',
          'Pods',
          'Traces',
        ]}
        rows={rows}
      />
      {clusters.filter(c => c.linkerdInstalled).map(c => (
        <Typography key={c.name} variant="caption" color="textSecondary" component="p" style={{ marginTop: 8 }}>
          {`OpenTelemetry tracing in ${c.name}: ${tracingSummary(c.tracing)}.`}
        </Typography>
      ))}
      <ExternalWorkloadsTable workloads={workloads} />
    </InfoCard>
  );
}
