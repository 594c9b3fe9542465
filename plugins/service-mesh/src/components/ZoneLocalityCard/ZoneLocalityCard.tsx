import { EmptyState, InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ZoneLocalityReport } from '@meshlens/plugin-service-mesh-common';
import { formatNumber } from '../../utils/formatNumber';
import { formatPercent } from '../../utils/formatPercent';
import { CompactTable } from '../CompactTable/CompactTable';

/**
 * Props of {@link ZoneLocalityCard}.
 *
 * @internal
 */
export interface ZoneLocalityCardProps {
  zoneLocality?: ZoneLocalityReport;
  /** The metrics window, e.g. `1h`. */
  window: string;
}

/**
 * Topology-aware routing as observed: the share of the entity's outbound
 * requests that stayed in the caller's zone (`dst_zone_locality`), with the
 * called Services' `trafficDistribution` / topology-mode next to it.
 *
 * @internal
 */
export function ZoneLocalityCard(props: ZoneLocalityCardProps) {
  const { zoneLocality: z, window } = props;
  let content;
  if (!z) {
    content = (
      <EmptyState
        missing="data"
        title="No outbound requests to place in a zone"
        description={`The entity's proxies sent no HTTP request in the last ${window}, so there is no zone locality to show.`}
      />
    );
  } else {
    const services = z.services ?? [];
    content = (
      <>
        <Typography variant="h4" component="p" data-testid="zone-local-share">
          {z.localShare === undefined ? 'unknown' : formatPercent(z.localShare)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {`Of the outbound requests with a known zone, this share stayed in the caller's zone over the last ${window}: ${formatNumber(
            z.localRequests,
          )} in-zone, ${formatNumber(
            z.remoteRequests,
          )} cross-zone; ${formatNumber(
            z.unknownRequests,
          )} more with an unknown zone (a node without a topology.kubernetes.io/zone label).`}
        </Typography>
        {services.length > 0 && (
          <CompactTable
            label="Topology-aware routing of the called Services"
            headers={['Called Service', 'trafficDistribution', 'topology-mode']}
            rows={services.map(s => ({
              key: `${s.cluster}/${s.namespace}/${s.name}`,
              cells: [
                `${s.namespace}/${s.name}`,
                s.trafficDistribution ?? 'not set',
                s.topologyMode ?? 'not set',
              ],
            }))}
          />
        )}
      </>
    );
  }
  return (
    <InfoCard
      title="Zone locality"
      subheader="Topology-aware routing, from the callers' outbound metrics"
    >
      {content}
    </InfoCard>
  );
}
