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

/** The identity issuer's expiry (`YYYY-MM-DD`, and where it was read), or why it is unknown. */
const issuerExpiry = (row: ClusterReport) => {
  const issuer = row.issuerCertificate;
  if (!issuer) return '—';
  if (issuer.source === 'unknown' || !issuer.notAfter) return 'unknown';
  return `${issuer.notAfter.slice(0, 10)} (${issuer.source})`;
};

const columns: TableColumn<Row>[] = [
  { title: 'Cluster', field: 'name', highlight: true },
  { title: 'Source', field: 'source' },
  { title: 'Synced', field: 'synced', render: row => yesNo(row.synced) },
  {
    title: 'Linkerd',
    field: 'linkerdVersion',
    render: row =>
      row.linkerdInstalled
        ? row.linkerdVersion ?? 'installed'
        : 'not installed',
  },
  {
    title: 'Control plane healthy',
    field: 'controlPlaneHealthy',
    render: row => yesNo(row.controlPlaneHealthy),
  },
  {
    title: 'Injector webhook',
    field: 'injectorWebhookPresent',
    render: row => yesNo(row.injectorWebhookPresent),
  },
  {
    title: 'HA',
    field: 'highAvailability',
    render: row => yesNo(row.highAvailability),
  },
  {
    title: 'Trust anchor expiry',
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
    render: row => `${row.counts.meshedPods}/${row.counts.pods}`,
  },
  {
    title: 'Findings',
    customSort: (a, b) => a.findings.length - b.findings.length,
    render: row => row.findings.length,
  },
];

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
      options={{ paging: false, search: false, padding: 'dense' }}
    />
  );
}
