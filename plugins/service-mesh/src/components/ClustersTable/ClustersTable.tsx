import { Table, TableColumn } from '@backstage/core-components';
import type { ClusterReport } from '@meshlens/plugin-service-mesh-common';

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

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The identity issuer's expiry (`YYYY-MM-DD`, and where it was read), or why it is unknown. */
const issuerExpiry = (row: ClusterReport) => {
  const issuer = row.issuerCertificate;
  if (!issuer) return '—';
  if (issuer.source === 'unknown' || !issuer.notAfter) return 'unknown';
  return `${issuer.notAfter.slice(0, 10)} (${issuer.source})`;
};

const columns: TableColumn<Row>[] = [
  { title: 'Cluster', field: 'name', highlight: true, cellStyle: nowrap },
  { title: 'Source', field: 'source' },
  { title: 'Synced', field: 'synced', render: row => yesNo(row.synced) },
  {
    title: 'Linkerd',
    field: 'linkerdVersion',
    cellStyle: nowrap,
    render: row =>
      row.linkerdInstalled
        ? row.linkerdVersion ?? 'installed'
        : 'not installed',
  },
  {
    title: 'Control plane',
    field: 'controlPlaneHealthy',
    render: row => {
      if (row.controlPlaneHealthy === undefined) return '—';
      return row.controlPlaneHealthy ? 'healthy' : 'unhealthy';
    },
  },
  {
    title: 'Injector',
    field: 'injectorWebhookPresent',
    render: row => yesNo(row.injectorWebhookPresent),
  },
  {
    title: 'HA',
    field: 'highAvailability',
    render: row => yesNo(row.highAvailability),
  },
  {
    title: 'Anchor expiry',
    cellStyle: nowrap,
    customSort: (a, b) => anchorExpiry(a).localeCompare(anchorExpiry(b)),
    render: row => anchorExpiry(row),
  },
  {
    title: 'Issuer expiry',
    customSort: (a, b) => issuerExpiry(a).localeCompare(issuerExpiry(b)),
    render: row => (
      <span title={row.issuerCertificate?.reason}>{issuerExpiry(row)}</span>
    ),
  },
  {
    title: 'Meshed pods',
    field: 'counts.meshedPods',
    type: 'numeric',
    cellStyle: nowrap,
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
    cellStyle: nowrap,
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
    <span title={rest.map(name).join('\n') || undefined}>{name(top)}</span>
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
 * A sortable table of the configured clusters: source, sync, the Linkerd
 * control plane (version, health, injector webhook, HA, trust-anchor and
 * issuer expiry),
 * meshed pods and the number of findings.
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
