import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { ReactNode } from 'react';

/**
 * Props of {@link CompactTable}.
 *
 * @internal
 */
export interface CompactTableProps {
  /** Accessible name of the table. */
  label: string;
  headers: string[];
  /** One entry per row, its cells in the order of `headers`. */
  rows: Array<{ key: string; cells: ReactNode[] }>;
}

/**
 * A small, dense table without toolbar, paging or search, for short lists
 * inside a card.
 *
 * @internal
 */
export function CompactTable(props: CompactTableProps) {
  const { label, headers, rows } = props;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {headers.map(header => (
            <TableCell key={header}>{header}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.key}>
            {row.cells.map((cell, index) => (
              <TableCell key={headers[index] ?? index}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
