import Typography from '@material-ui/core/Typography';
import type { EgressDestination, EntityEgressReport } from '@meshlens/plugin-service-mesh-common';
import { CompactTable } from '../CompactTable/CompactTable';

const percent = (n?: number) => (n === undefined ? '—' : `${(n * 100).toFixed(1)} %`);
const rate = (d: EgressDestination) => `${d.rps < 0.1 ? d.rps.toFixed(3) : d.rps.toFixed(2)} ${d.protocol === 'http' ? 'req/s' : 'conn/s'}`;
const TLS = { plaintext: 'plaintext (HTTP)', tls: 'TLS (by SNI)', unknown: 'opaque TCP (unknown)' } as const;
const shortWorkload = (w: string) => w.split('/').slice(-1)[0];

/**
 * Props of {@link EgressTable}.
 *
 * @internal
 */
export interface EgressTableProps {
  egress?: EntityEgressReport;
  /** The window as requested (`1h`). */
  window: string;
}

/**
 * The traffic that leaves the mesh from the entity's workloads: per external
 * destination the EgressNetwork and its traffic policy, how it was carried
 * (plaintext HTTP, TLS by SNI, opaque TCP), the rate, the success rate and
 * what a Deny policy refused; then the findings (refused calls, plaintext to a
 * TLS port). Empty state when nothing left the mesh in the window.
 *
 * @internal
 */
export function EgressTable(props: EgressTableProps) {
  const { egress, window } = props;
  const destinations = egress?.destinations ?? [];
  return (
    <section aria-label="Egress">
      <Typography variant="h6" component="h3">{`Egress (${window})`}</Typography>
      <Typography variant="caption" color="textSecondary" component="p" gutterBottom>
        External destinations, from the proxies' route metrics (EgressNetwork, or no in-cluster destination)
      </Typography>
      {destinations.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {`Nothing left the mesh in the last ${window}: no outbound route metrics with an EgressNetwork or egress-fallback parent.`}
        </Typography>
      ) : (
        <CompactTable
          label="External destinations"
          headers={['Workload', 'Destination', 'EgressNetwork', 'TLS', 'Rate', 'Success', 'Denied']}
          rows={destinations.map(d => {
            const dest = `${d.host ?? 'external address'}${d.port ? `:${d.port}` : ''}`;
            return {
              key: `${d.cluster}/${d.workload}/${d.network}/${dest}/${d.protocol}`,
              cells: [
                shortWorkload(d.workload),
                <span title={d.routes.join(', ')}>{dest}</span>,
                d.network ? `${d.network}${d.trafficPolicy ? ` (${d.trafficPolicy})` : ''}` : 'none (egress-fallback)',
                TLS[d.tls],
                rate(d),
                percent(d.successRate),
                d.denied > 0 ? String(d.denied) : '—',
              ],
            };
          })}
        />
      )}
      {(egress?.findings.length ?? 0) > 0 && (
        <ul aria-label="Egress findings">
          {egress!.findings.map(f => (
            <Typography key={`${f.code}/${f.workload}/${f.destination}`} component="li" variant="body2">
              {`${f.severity === 'error' ? 'Error' : 'Warning'}: ${f.message}`}
            </Typography>
          ))}
        </ul>
      )}
    </section>
  );
}
