import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import FileCopyOutlinedIcon from '@material-ui/icons/FileCopyOutlined';
import { ReactNode, useEffect, useState } from 'react';
import useCopyToClipboard from 'react-use/esm/useCopyToClipboard';
import { shortName } from '../../utils/shortName';

const useStyles = makeStyles(theme => ({
  root: { display: 'inline-flex', alignItems: 'center', whiteSpace: 'nowrap' },
  text: { fontFamily: 'monospace' },
  copy: { padding: 2, marginLeft: 2, color: theme.palette.text.secondary },
  icon: { fontSize: 14 },
}));

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
  /** Shown instead of the short value, e.g. a link to the entity. */
  children?: ReactNode;
}

/**
 * A workload or identity shown short on one line, with the full value on
 * hover and a small button that copies it.
 *
 * @internal
 */
export function ShortId(props: ShortIdProps) {
  const { value, label, children } = props;
  const classes = useStyles();
  const [, copy] = useCopyToClipboard();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <span className={classes.root}>
      <Tooltip title={value}>
        <span className={classes.text} data-full={value}>
          {children ?? shortName(value)}
        </span>
      </Tooltip>
      <Tooltip title={copied ? 'Copied' : `Copy ${label}`}>
        <IconButton
          className={classes.copy}
          size="small"
          aria-label={`Copy ${label} ${value}`}
          onClick={() => {
            copy(value);
            setCopied(true);
          }}
        >
          <FileCopyOutlinedIcon className={classes.icon} />
        </IconButton>
      </Tooltip>
    </span>
  );
}
