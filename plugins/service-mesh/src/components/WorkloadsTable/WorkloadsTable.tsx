import { Table, TableColumn } from '@backstage/core-components';
import type { WorkloadReport } from '@meshlens/plugin-service-mesh-common';
import { MeshStateChip } from '../MeshStateChip/MeshStateChip';
import { TwoLineCell } from '../TwoLineCell/TwoLineCell';

type Row = WorkloadReport & { id: string };

const nowrap = { whiteSpace: 'nowrap' } as const;

const columns: TableColumn<Row>[] = [
  { title: 'Cluster', field: 'cluster', cellStyle: nowrap },
  {
    title: 'Workload',
    field: 'name',
    highlight: true,
    render: row => (
      <TwoLineCell first={row.name} second={`${row.kind} · ${row.namespace}`} />
    ),
  },
  {
    title: 'State',
    field: 'state',
    render: row => <MeshStateChip state={row.state} />,
  },
  {
    title: 'Meshed pods',
    field: 'meshedPods',
    type: 'numeric',
    render: row => (
      <TwoLineCell
        first={`${row.meshedPods}/${row.totalPods}`}
        second={
          row.failedPods ? `${row.failedPods} failed, not counted` : undefined
        }
      />
    ),
  },
  {
    title: 'Proxy version',
    field: 'proxyVersion',
    cellStyle: nowrap,
    render: row => row.proxyVersion ?? '—',
  },
  {
    title: 'Native sidecar',
    field: 'nativeSidecar',
    render: row => (row.nativeSidecar ? 'yes' : 'no'),
  },
  {
    title: 'Injection',
    field: 'injection',
    render: row => row.injection ?? '—',
  },
];

/**
 * Props of {@link WorkloadsTable}.
 *
 * @internal
 */
export interface WorkloadsTableProps {
  workloads: WorkloadReport[];
}

/**
 * Table of the workloads of an entity across clusters with their mesh state:
 * each workload by name with its kind and namespace under it; the cluster
 * column only when there is more than one.
 *
 * @internal
 */
export function WorkloadsTable(props: WorkloadsTableProps) {
  // Copies: the table writes bookkeeping fields into its rows.
  const data: Row[] = props.workloads.map(workload => ({
    ...workload,
    id: `${workload.cluster}/${workload.namespace}/${workload.kind}/${workload.name}`,
  }));

  return (
    <Table<Row>
      title="Workloads"
      columns={
        new Set(props.workloads.map(w => w.cluster)).size > 1
          ? columns
          : columns.filter(column => column.field !== 'cluster')
      }
      data={data}
      options={{
        // Draggable headers nest a focusable handle in the sort button (axe: nested-interactive).
        draggable: false,
        paging: data.length > 20,
        pageSize: 20,
        search: data.length > 5,
        padding: 'dense',
      }}
    />
  );
}
