import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  WorkloadPolicy,
  WorkloadReport,
} from '@meshlens/plugin-service-mesh-common';
import { formatBackends } from '../../utils/formatBackends';
import { formatNumber } from '../../utils/formatNumber';
import { workloadLabel } from '../../utils/workloadLabel';
import { CompactTable } from '../CompactTable/CompactTable';

const useStyles = makeStyles(theme => ({
  section: { marginBottom: theme.spacing(3) },
  subheading: { marginTop: theme.spacing(2) },
}));

function rps(value?: number): string {
  return value === undefined ? '—' : `${formatNumber(value)} rps`;
}

function isEmpty(policy: WorkloadPolicy): boolean {
  return (
    policy.servers.length === 0 &&
    policy.authorizationPolicies.length === 0 &&
    policy.httpRoutes.length === 0 &&
    policy.rateLimits.length === 0
  );
}

function PolicyTables(props: { policy: WorkloadPolicy; label: string }) {
  const { policy, label } = props;
  const classes = useStyles();
  const heading = (text: string) => (
    <Typography
      variant="subtitle2"
      component="h4"
      className={classes.subheading}
    >
      {text}
    </Typography>
  );
  return (
    <>
      {policy.servers.length > 0 && heading('Servers')}
      {policy.servers.length > 0 && (
        <CompactTable
          label={`Servers of ${label}`}
          headers={['Name', 'Port', 'Protocol']}
          rows={policy.servers.map(server => ({
            key: server.name,
            cells: [server.name, server.port, server.proxyProtocol ?? '—'],
          }))}
        />
      )}
      {policy.authorizationPolicies.length > 0 &&
        heading('AuthorizationPolicies')}
      {policy.authorizationPolicies.length > 0 && (
        <CompactTable
          label={`AuthorizationPolicies of ${label}`}
          headers={['Name', 'Target', 'Required authentications']}
          rows={policy.authorizationPolicies.map(authz => ({
            key: authz.name,
            cells: [
              authz.name,
              `→ ${authz.target}`,
              authz.authentications.length > 0
                ? authz.authentications.join(', ')
                : 'none',
            ],
          }))}
        />
      )}
      {policy.httpRoutes.length > 0 && heading('HTTPRoutes')}
      {policy.httpRoutes.length > 0 && (
        <CompactTable
          label={`HTTPRoutes of ${label}`}
          headers={[
            'Name',
            'Group',
            'Parent',
            'Retries',
            'Timeout',
            'Backends',
          ]}
          rows={policy.httpRoutes.map(route => ({
            key: `${route.group}/${route.name}`,
            cells: [
              route.name,
              route.group,
              route.parent,
              route.retries ?? '—',
              route.timeout ?? '—',
              formatBackends(route.backends),
            ],
          }))}
        />
      )}
      {policy.rateLimits.length > 0 && heading('Rate limits')}
      {policy.rateLimits.length > 0 && (
        <CompactTable
          label={`Rate limits of ${label}`}
          headers={['Name', 'Server', 'Total', 'Per identity']}
          rows={policy.rateLimits.map(limit => ({
            key: limit.name,
            cells: [
              limit.name,
              limit.server,
              rps(limit.total),
              rps(limit.identity),
            ],
          }))}
        />
      )}
    </>
  );
}

/**
 * Props of {@link WorkloadPolicySection}.
 *
 * @internal
 */
export interface WorkloadPolicySectionProps {
  workload: WorkloadReport;
  /** The cluster default inbound policy, used when the workload has none. */
  clusterDefaultInboundPolicy?: string;
}

/**
 * The Linkerd policy of one workload under a `namespace/Kind/name (cluster)`
 * heading: its default inbound policy, then its Servers, AuthorizationPolicies,
 * HTTPRoutes (backends with their share of the weights) and rate limits; says
 * so when no Server selects it or when the policy CRDs are not served.
 *
 * @internal
 */
export function WorkloadPolicySection(props: WorkloadPolicySectionProps) {
  const { workload } = props;
  const classes = useStyles();
  const label = workloadLabel(workload);
  const defaultPolicy =
    workload.defaultInboundPolicy ??
    props.clusterDefaultInboundPolicy ??
    'unknown';

  let body;
  if (!workload.policy) {
    body = (
      <Typography variant="body2">
        Linkerd's policy CRDs are not served in this cluster
      </Typography>
    );
  } else if (isEmpty(workload.policy)) {
    body = (
      <Typography variant="body2">
        {`No Server selects this workload: the default inbound policy (${defaultPolicy}) applies.`}
      </Typography>
    );
  } else {
    body = <PolicyTables policy={workload.policy} label={label} />;
  }

  return (
    <section aria-label={label} className={classes.section}>
      <Typography variant="subtitle1" component="h3">
        {label}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {`Default inbound policy: ${defaultPolicy}`}
      </Typography>
      {body}
    </section>
  );
}
