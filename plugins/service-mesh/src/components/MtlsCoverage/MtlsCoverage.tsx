import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { formatNumber } from '../../utils/formatNumber';
import { formatPercent } from '../../utils/formatPercent';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'baseline',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  bar: { height: 8, borderRadius: 4 },
}));

/**
 * Props of {@link MtlsCoverage}.
 *
 * @internal
 */
export interface MtlsCoverageProps {
  /** Share of inbound requests over mTLS, 0..1. */
  ratio: number;
  /** Inbound requests in the window. */
  requests: number;
}

/**
 * The share of inbound requests over mTLS as a percentage and a bar, or a
 * note when there were no inbound requests.
 *
 * @internal
 */
export function MtlsCoverage(props: MtlsCoverageProps) {
  const { ratio, requests } = props;
  const classes = useStyles();

  if (requests === 0) {
    return (
      <Typography variant="body2">
        No inbound requests in the window.
      </Typography>
    );
  }

  return (
    <div>
      <div className={classes.summary}>
        <Typography variant="h5" component="p">
          {formatPercent(ratio)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {`of ${formatNumber(requests)} inbound requests over mTLS`}
        </Typography>
      </div>
      <LinearProgress
        className={classes.bar}
        variant="determinate"
        value={Math.min(100, Math.max(0, ratio * 100))}
        aria-label="mTLS coverage of inbound requests"
        aria-valuetext={formatPercent(ratio)}
      />
    </div>
  );
}
