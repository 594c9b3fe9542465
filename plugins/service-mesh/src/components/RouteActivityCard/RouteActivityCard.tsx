import { EmptyState, InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type {
  InboundRouteTraffic,
  RouteActivity,
} from '@meshlens/plugin-service-mesh-common';
import { formatNumber } from '../../utils/formatNumber';
import { formatPercent } from '../../utils/formatPercent';
import { CompactTable } from '../CompactTable/CompactTable';

/**
 * Props of {@link RouteActivityCard}.
 *
 * @internal
 */
export interface RouteActivityCardProps {
  /** Absent when no cluster has a source of the route counters. */
  routes?: RouteActivity[];
  inbound?: InboundRouteTraffic[];
  window: string;
}

const INJECTION: Record<string, string> = {
  'missing-service':
    'failure injection (Service not found: Linkerd answers 500)',
  'invalid-backend': 'failure injection (invalid backend: Linkerd answers 500)',
};

function Route(props: { route: RouteActivity; window: string }) {
  const { route: r, window } = props;
  const timeouts = Object.entries(r.timeouts)
    .map(([e, n]) => `${formatNumber(n)} ${e}`)
    .join(', ');
  const configured = [
    r.configured.retries && `retries ${r.configured.retries}`,
    r.configured.timeout && `timeout ${r.configured.timeout}`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div>
      <Typography variant="subtitle2" component="h3">
        {`HTTPRoute ${r.route} on ${r.parents.join(', ')} (${r.workload})${
          configured ? `: ${configured}` : ''
        }`}
      </Typography>
      <Typography variant="body2">
        {`${formatNumber(
          r.requests,
        )} requests in the last ${window}, ${formatNumber(
          r.failures,
        )} failed; timeouts: ${timeouts || 'none'}; retries: ${formatNumber(
          r.retries.requests,
        )} sent, ${formatNumber(r.retries.successes)} succeeded, ${formatNumber(
          r.retries.limitExceeded,
        )} not sent (limit), ${formatNumber(
          r.retries.overflow,
        )} not sent (circuit breaker).`}
      </Typography>
      <CompactTable
        label={`Backends of ${r.route}`}
        headers={[
          'Backend',
          'Configured weight',
          'Observed split',
          'Requests',
          'Failures',
        ]}
        rows={r.backends.map(b => ({
          key: b.backend,
          cells: [
            b.failureInjection
              ? `${b.backend} — ${INJECTION[b.failureInjection]}`
              : b.backend,
            b.weight === undefined
              ? 'not configured'
              : `${b.weight} (${formatPercent(b.configuredShare ?? 0)})`,
            b.observedShare === undefined
              ? '—'
              : formatPercent(b.observedShare),
            formatNumber(b.requests),
            formatNumber(b.failures),
          ],
        }))}
      />
    </div>
  );
}

/**
 * The entity's HTTPRoutes in action: per route the requests, failures,
 * timeouts and retries its callers' proxies counted, and per backend the
 * observed split next to the configured weight, with failure-injection
 * backends named as such; then the inbound requests by Server and route with
 * the band of their response frame sizes (the 2.19 per-route counters).
 *
 * @internal
 */
export function RouteActivityCard(props: RouteActivityCardProps) {
  const { routes, inbound, window } = props;
  let content;
  if (!routes) {
    content = (
      <EmptyState
        missing="info"
        title="No route metrics"
        description="Retries, timeouts and the observed split come from the proxies' route counters: give this cluster a Prometheus (prometheus.url under serviceMesh.clusters)."
      />
    );
  } else {
    content = (
      <>
        {routes.length === 0 ? (
          <Typography variant="body2">
            {`No HTTPRoute of the entity's Services carried requests in the last ${window} (or none is configured): nothing retried, timed out or split.`}
          </Typography>
        ) : (
          routes.map(r => (
            <Route
              key={`${r.cluster}/${r.workload}/${r.route}`}
              route={r}
              window={window}
            />
          ))
        )}
        {inbound && inbound.length > 0 && (
          <CompactTable
            label="Inbound requests by route"
            headers={[
              'Workload',
              'Server',
              'Route',
              'Requests',
              'Response frame size',
            ]}
            rows={inbound.map(i => ({
              key: `${i.cluster}/${i.workload}/${i.server}/${i.route}`,
              cells: [
                i.workload,
                i.server,
                i.route,
                formatNumber(i.requests),
                i.responseFrames
                  ? `${i.responseFrames.band} (median frame)`
                  : '—',
              ],
            }))}
          />
        )}
      </>
    );
  }
  return (
    <InfoCard
      title="Routes in action"
      subheader={`Retries, timeouts and traffic split per HTTPRoute over the last ${window}, from the proxies' route counters`}
    >
      {content}
    </InfoCard>
  );
}
