import { EmptyState, InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type {
  PolicyActivityKind,
  WorkloadPolicyActivity,
} from '@meshlens/plugin-service-mesh-common';
import { formatNumber } from '../../utils/formatNumber';
import { CompactTable } from '../CompactTable/CompactTable';
import { ShortId } from '../ShortId/ShortId';

const KIND_LABEL: Record<PolicyActivityKind, string> = {
  'http-denied': 'Denied (HTTP)',
  'tcp-denied': 'Denied (TCP connections)',
  'rate-limited': 'Rate-limited',
  'audit-allowed': 'Audit: would be denied',
};

/**
 * Props of {@link PolicyActivityCard}.
 *
 * @internal
 */
export interface PolicyActivityCardProps {
  /** Absent when no cluster has a source of the authorization counters. */
  activity?: WorkloadPolicyActivity[];
  window: string;
}

/**
 * Authorization policy at work on the entity's workloads: requests denied by
 * route and client identity, rate-limited requests, and requests only audit
 * mode let through — the first thing to watch when an AuthorizationPolicy
 * rolls out.
 *
 * @internal
 */
export function PolicyActivityCard(props: PolicyActivityCardProps) {
  const { activity, window } = props;
  let content;
  if (!activity) {
    content = (
      <EmptyState
        missing="info"
        title="No authorization metrics"
        description="Denials and rate limiting come from the proxies' authorization counters: give this cluster a Prometheus (prometheus.url under serviceMesh.clusters)."
      />
    );
  } else if (activity.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title="Nothing denied, rate-limited or audited"
        description={`No request or connection to the entity's workloads was denied, rate-limited or let through only by audit mode in the last ${window}.`}
      />
    );
  } else {
    content = activity.map(w => (
      <div key={`${w.cluster}/${w.workload}`}>
        <Typography variant="subtitle2" component="h3">
          {`${w.workload} (${w.cluster}): ${(
            Object.keys(KIND_LABEL) as PolicyActivityKind[]
          )
            .filter(k => w.totals[k] > 0)
            .map(k => `${KIND_LABEL[k]} ${formatNumber(w.totals[k])}`)
            .join(' · ')}`}
        </Typography>
        <CompactTable
          label={`Policy activity of ${w.workload}`}
          headers={[
            'What',
            'Server',
            'Route or rate limit',
            'Client identity',
            'Count',
          ]}
          rows={w.rows.map((r, i) => ({
            key: `${i}`,
            cells: [
              KIND_LABEL[r.kind],
              r.server,
              r.route ??
                (r.rateLimit
                  ? `${r.rateLimit}${
                      r.rateLimitScope ? ` (${r.rateLimitScope})` : ''
                    }`
                  : '—'),
              r.clientId ? (
                <ShortId value={r.clientId} label="client identity" />
              ) : (
                `no identity (tls=${r.tls})`
              ),
              formatNumber(r.count),
            ],
          }))}
        />
      </div>
    ));
  }
  return (
    <InfoCard
      title="Policy in action"
      subheader={`Denied, rate-limited and audit-only traffic over the last ${window}, from the proxies' authorization counters`}
    >
      {content}
    </InfoCard>
  );
}
