import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ClusterReport } from '@meshlens/plugin-service-mesh-common';
import { tracingSummary } from '../../utils/tracingSummary';
import { CompactTable } from '../CompactTable/CompactTable';

const accepted = (a?: boolean, reason?: string) => {
  if (a === undefined) return 'no status yet';
  return a ? 'accepted' : `not accepted${reason ? `: ${reason}` : ''}`;
};

/**
 * Props of {@link ClusterEgressTracingCard}.
 *
 * @internal
 */
export interface ClusterEgressTracingCardProps {
  clusters: ClusterReport[];
}

/**
 * Per cluster, whether the proxies and the control plane export
 * OpenTelemetry traces and to which collector (from `linkerd-config`), and
 * the EgressNetworks with their traffic policy, networks and acceptance.
 * Each part has its empty state.
 *
 * @internal
 */
export function ClusterEgressTracingCard(props: ClusterEgressTracingCardProps) {
  const { clusters } = props;
  const networks = clusters.flatMap(c => (c.egressNetworks ?? []).map(n => ({ cluster: c.name, ...n })));
  return (
    <InfoCard title="Tracing and egress" subheader="OpenTelemetry tracing from linkerd-config, and the EgressNetworks that govern traffic leaving the mesh">
      <CompactTable
        label="Tracing"
        headers={['Cluster', 'OpenTelemetry tracing']}
        rows={clusters.map(c => ({ key: c.name, cells: [c.name, tracingSummary(c.tracing)] }))}
      />
      {networks.length === 0 ? (
        <Typography variant="body2" color="textSecondary" style={{ marginTop: 16 }}>
          No EgressNetwork in any cluster (or their CRD is not installed): traffic to external addresses leaves through the egress-fallback route, unrestricted.
        </Typography>
      ) : (
        <CompactTable
          label="EgressNetworks"
          headers={['Cluster', 'EgressNetwork', 'Traffic policy', 'Networks', 'Status']}
          rows={networks.map(n => ({
            key: `${n.cluster}/${n.namespace}/${n.name}`,
            cells: [
              n.cluster,
              `${n.namespace}/${n.name}`,
              String(n.trafficPolicy),
              n.networks.length ? n.networks.map(w => `${w.cidr}${w.except?.length ? ` except ${w.except.join(', ')}` : ''}`).join('; ') : 'all outside the cluster networks',
              accepted(n.accepted, n.reason),
            ],
          }))}
        />
      )}
    </InfoCard>
  );
}
