import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';
import { formatNumber } from '../../utils/formatNumber';
import { formatPercent } from '../../utils/formatPercent';

const useStyles = makeStyles({ number: { whiteSpace: 'nowrap' } });

/**
 * Props of {@link RequestShareTable}.
 *
 * @internal
 */
export interface RequestShareTableProps {
  /** Accessible name of the table, e.g. `Client identities`. */
  label: string;
  /** Header of the first column, e.g. `Client identity`. */
  header: string;
  rows: Array<{
    key: string;
    content: ReactNode;
    requests: number;
    /** Share of all inbound requests, 0..1. */
    share: number;
  }>;
}

/**
 * A compact table of inbound requests grouped by something (a client
 * identity, a plaintext reason) with their count and share.
 *
 * @internal
 */
export function RequestShareTable(props: RequestShareTableProps) {
  const classes = useStyles();
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          <TableCell>{props.header}</TableCell>
          <TableCell align="right" className={classes.number}>
            Requests
          </TableCell>
          <TableCell align="right" className={classes.number}>
            Share
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={row.key}>
            <TableCell>{row.content}</TableCell>
            <TableCell align="right" className={classes.number}>
              {formatNumber(row.requests)}
            </TableCell>
            <TableCell align="right" className={classes.number}>
              {formatPercent(row.share)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
