import { CopyTextButton } from '@backstage/core-components';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { shortName } from '../../utils/shortName';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', whiteSpace: 'nowrap' },
  text: { fontFamily: 'monospace' },
  copy: { '& button': { padding: 2 }, '& svg': { fontSize: 14 } },
});

/**
 * Props of {@link ShortId}.
 *
 * @internal
 */
export interface ShortIdProps {
  /** The full value: a workload `namespace/Kind/name` or a Linkerd identity. */
  value: string;
  /** What the value is, for the copy button's name (e.g. `client identity`). */
  label: string;
}

/**
 * A workload or identity shown short on one line, with the full value on
 * hover and a button that copies it.
 *
 * @internal
 */
export function ShortId(props: ShortIdProps) {
  const { value, label } = props;
  const classes = useStyles();
  return (
    <span className={classes.root}>
      <Tooltip title={value}>
        <span className={classes.text} data-full={value}>
          {shortName(value)}
        </span>
      </Tooltip>
      <span className={classes.copy}>
        <CopyTextButton
          text={value}
          tooltipText="Copied"
          aria-label={`Copy ${label} ${value}`}
        />
      </span>
    </span>
  );
}
