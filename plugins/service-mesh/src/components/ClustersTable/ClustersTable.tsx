import { Table, TableColumn } from '@backstage/core-components';
import type { ClusterReport } from '@meshlens/plugin-service-mesh-common';
import { TwoLineCell } from '../TwoLineCell/TwoLineCell';

type Row = ClusterReport & { id: string };

const yesNo = (value?: boolean) => {
  if (value === undefined) return '—';
  return value ? 'yes' : 'no';
};

/** Earliest trust-anchor expiry as a date (`YYYY-MM-DD`), or a dash. */
const anchorExpiry = (row: ClusterReport) => {
  const dates = (row.trustAnchors ?? []).map(anchor => anchor.notAfter).sort();
  return dates.length > 0 ? dates[0].slice(0, 10) : '—';
};

/** The identity issuer's expiry (`YYYY-MM-DD`, and where it was read), or why it is unknown. */
const issuerExpiry = (row: ClusterReport) => {
  const issuer = row.issuerCertificate;
  if (!issuer) return '—';
  if (issuer.source === 'unknown' || !issuer.notAfter) return 'unknown';
  return `${issuer.notAfter.slice(0, 10)} (${issuer.source})`;
};

const controlPlane = (row: ClusterReport) => {
  if (row.controlPlaneHealthy === undefined) return '—';
  return row.controlPlaneHealthy ? 'healthy' : 'unhealthy';
};

const linkerd = (row: ClusterReport) =>
  row.linkerdInstalled ? row.linkerdVersion ?? 'installed' : 'not installed';

const columns: TableColumn<Row>[] = [
  {
    title: 'Cluster',
    field: 'name',
    highlight: true,
    render: row => (
      <TwoLineCell
        first={row.name}
        second={`${row.source} · ${row.synced ? 'synced' : 'syncing'}`}
      />
    ),
  },
  {
    title: 'Linkerd',
    field: 'linkerdVersion',
    customSort: (a, b) => linkerd(a).localeCompare(linkerd(b)),
    render: row => (
      <TwoLineCell
        first={linkerd(row)}
        second={`control plane ${controlPlane(row)}`}
      />
    ),
  },
  {
    title: 'Injector · HA',
    customSort: (a, b) =>
      yesNo(a.injectorWebhookPresent).localeCompare(
        yesNo(b.injectorWebhookPresent),
      ),
    render: row => (
      <TwoLineCell
        first={`injector ${yesNo(row.injectorWebhookPresent)}`}
        second={`HA ${yesNo(row.highAvailability)}`}
      />
    ),
  },
  {
    title: 'Certificates expire',
    customSort: (a, b) => anchorExpiry(a).localeCompare(anchorExpiry(b)),
    render: row => (
      <TwoLineCell
        first={`anchor ${anchorExpiry(row)}`}
        second={
          <span title={row.issuerCertificate?.reason}>
            {`issuer ${issuerExpiry(row)}`}
          </span>
        }
      />
    ),
  },
  {
    title: 'Meshed pods',
    field: 'counts.meshedPods',
    type: 'numeric',
    cellStyle: { whiteSpace: 'nowrap' },
    render: row => `${row.counts.meshedPods}/${row.counts.pods}`,
  },
  {
    title: 'Findings',
    type: 'numeric',
    customSort: (a, b) => a.findings.length - b.findings.length,
    render: row => row.findings.length,
  },
  {
    title: 'Destination hot spot',
    render: row => destinationHotSpot(row),
  },
];

/** The Service with the most destination subscribers, the next ones on hover. */
function destinationHotSpot(row: ClusterReport) {
  const [top, ...rest] = row.destinationHotSpots ?? [];
  if (!top) return '—';
  const name = (s: typeof top) =>
    `${s.namespace}/${s.service}:${s.port} (${s.subscribers} subscribers)`;
  return (
    <span title={[top, ...rest].map(name).join('\n')}>
      <TwoLineCell
        first={`${top.service}:${top.port}`}
        second={`${top.subscribers} subscribers`}
      />
    </span>
  );
}

/**
 * Props of {@link ClustersTable}.
 *
 * @internal
 */
export interface ClustersTableProps {
  clusters: ClusterReport[];
}

/**
 * A sortable table of the configured clusters in seven columns that fit
 * 1280 px: the cluster with its source and sync state, Linkerd's version and
 * control-plane health, the injector webhook and HA, the trust anchor's and
 * the issuer's expiry, meshed pods, the number of findings and the Service
 * with the most destination subscribers.
 *
 * @internal
 */
export function ClustersTable(props: ClustersTableProps) {
  // Copies: the table writes bookkeeping fields into its rows.
  const data: Row[] = props.clusters.map(cluster => ({
    ...cluster,
    id: cluster.name,
  }));
  return (
    <Table<Row>
      title="Clusters"
      columns={columns}
      data={data}
      options={{
        // Draggable headers nest a focusable handle in the sort button (axe: nested-interactive).
        draggable: false,
        paging: false,
        search: false,
        padding: 'dense',
      }}
    />
  );
}
