import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/**
 * Props of {@link TwoLineCell}.
 *
 * @internal
 */
export interface TwoLineCellProps {
  first: ReactNode;
  /** The secondary line; left out when absent. */
  second?: ReactNode;
}

/**
 * A table cell of one line and a smaller secondary line under it, neither
 * wrapping: each line holds one short fact, so tables fit 1280 px without
 * a sideways scroll and no token breaks over lines.
 *
 * @internal
 */
export function TwoLineCell(props: TwoLineCellProps) {
  return (
    <>
      <Typography
        variant="body2"
        component="div"
        style={{ whiteSpace: 'nowrap' }}
      >
        {props.first}
      </Typography>
      {props.second !== undefined && (
        <Typography
          variant="caption"
          component="div"
          color="textSecondary"
          style={{ whiteSpace: 'nowrap' }}
        >
          {props.second}
        </Typography>
      )}
    </>
  );
}
