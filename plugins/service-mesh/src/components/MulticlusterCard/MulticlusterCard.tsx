import { EmptyState, InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type {
  ClusterReport,
  GatewayProbeState,
} from '@meshlens/plugin-service-mesh-common';
import { CompactTable } from '../CompactTable/CompactTable';

const PROBE_LABELS: Record<GatewayProbeState, string> = {
  alive: 'alive',
  down: 'down',
  disabled: 'no gateway',
  unknown: 'no probe metrics',
};

const PROBE_COLOURS: Record<
  GatewayProbeState,
  'primary' | 'secondary' | 'default'
> = {
  alive: 'primary',
  down: 'secondary',
  disabled: 'default',
  unknown: 'default',
};

function ProbeChip(props: { state: GatewayProbeState }) {
  return (
    <Chip
      size="small"
      label={PROBE_LABELS[props.state]}
      color={PROBE_COLOURS[props.state]}
      variant={
        props.state === 'alive' || props.state === 'down'
          ? 'default'
          : 'outlined'
      }
      data-testid="gateway-probe-state"
    />
  );
}

/**
 * Props of {@link MulticlusterCard}.
 *
 * @internal
 */
export interface MulticlusterCardProps {
  clusters: ClusterReport[];
}

/**
 * Multi-cluster on the Service Mesh page: every cluster's Links with their
 * target, gateway and probe state and latency (what `linkerd multicluster
 * gateways` shows), and the mirror and federated Services they created.
 *
 * @internal
 */
export function MulticlusterCard(props: MulticlusterCardProps) {
  const withLinks = props.clusters.filter(c => c.multicluster);
  const links = withLinks.flatMap(c =>
    c.multicluster!.links.map(l => ({ cluster: c.name, l })),
  );
  const mirrors = withLinks.flatMap(c => [
    ...c.multicluster!.mirroredServices.map(m => ({
      key: `${c.name}/${m.namespace}/${m.name}`,
      cells: [
        `${m.namespace}/${m.name} (${c.name})`,
        `${m.targetService} in ${m.targetCluster}`,
        m.mode === 'gateway' ? 'through the gateway' : 'remote discovery',
      ],
    })),
    ...c.multicluster!.federatedServices.map(f => ({
      key: `${c.name}/${f.namespace}/${f.name}`,
      cells: [
        `${f.namespace}/${f.name} (${c.name})`,
        [
          ...(f.localMember ? [`${f.localMember} (local)`] : []),
          ...f.remoteMembers,
        ].join(', '),
        'federated',
      ],
    })),
  ]);
  if (links.length === 0 && mirrors.length === 0) {
    return (
      <InfoCard title="Multi-cluster">
        <EmptyState
          missing="info"
          title="No cluster is linked"
          description="No Link (multicluster.linkerd.io) in any configured cluster: install the Linkerd multicluster extension and run `linkerd multicluster link` to mirror another cluster's Services."
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title="Multi-cluster"
      subheader="Links to other clusters with their gateway probes, and the Services mirrored from them"
    >
      <CompactTable
        label="Links"
        headers={[
          'Cluster',
          'Link',
          'Target cluster',
          'Gateway',
          'Probe',
          'Latency',
          'Mirrors',
        ]}
        rows={links.map(({ cluster, l }) => ({
          key: `${cluster}/${l.namespace}/${l.name}`,
          cells: [
            cluster,
            `${l.namespace}/${l.name}`,
            l.targetClusterName,
            l.gatewayAddress
              ? `${l.gatewayAddress}:${l.gatewayPort ?? ''}`
              : '—',
            <ProbeChip state={l.probeState} />,
            l.probeLatencyMs === undefined
              ? '—'
              : `${l.probeLatencyMs} ms${
                  l.probeLatencyP95Ms === undefined
                    ? ''
                    : ` (p95 ${l.probeLatencyP95Ms} ms)`
                }`,
            String(l.mirroredServices),
          ],
        }))}
      />
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Mirrored and federated Services
      </Typography>
      {mirrors.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No Service is mirrored yet: the target clusters export none that the
          Links select.
        </Typography>
      ) : (
        <CompactTable
          label="Mirrored Services"
          headers={['Service', 'From', 'Mode']}
          rows={mirrors}
        />
      )}
    </InfoCard>
  );
}
