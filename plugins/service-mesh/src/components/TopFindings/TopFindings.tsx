import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { Finding } from '@meshlens/plugin-service-mesh-common';
import { findingFix } from '../../utils/findingFix';
import { FindingSeverityChip } from '../FindingSeverityChip/FindingSeverityChip';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: theme.spacing(1),
    alignItems: 'baseline',
    marginBottom: theme.spacing(1),
  },
  text: { minWidth: 0 },
  line: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  fix: { color: theme.palette.text.secondary },
}));

/**
 * Props of {@link TopFindings}.
 *
 * @internal
 */
export interface TopFindingsProps {
  findings: Finding[];
  /** At most this many (default 3). */
  limit?: number;
}

/**
 * The most severe findings (errors, then warnings), each with its message and
 * its fix on one line; info findings are left to the Overview tab.
 *
 * @internal
 */
export function TopFindings(props: TopFindingsProps) {
  const { findings, limit = 3 } = props;
  const classes = useStyles();
  const severe = [
    ...findings.filter(f => f.severity === 'error'),
    ...findings.filter(f => f.severity === 'warning'),
  ];
  if (severe.length === 0) {
    return <Typography variant="body2">No errors or warnings.</Typography>;
  }
  const shown = severe.slice(0, limit);
  return (
    <>
      <ul className={classes.list} aria-label="Top findings">
        {shown.map((finding, index) => {
          const where = finding.workload ? ` (${finding.workload})` : '';
          return (
            <li key={`${finding.code}-${index}`} className={classes.item}>
              <FindingSeverityChip severity={finding.severity} />
              <div className={classes.text}>
                <Typography
                  variant="body2"
                  className={classes.line}
                  title={`${finding.message}${where}`}
                >
                  {`${finding.message}${where}`}
                </Typography>
                <Typography
                  variant="body2"
                  className={`${classes.line} ${classes.fix}`}
                  title={findingFix(finding.code)}
                >
                  {`Fix: ${findingFix(finding.code)}`}
                </Typography>
              </div>
            </li>
          );
        })}
      </ul>
      {severe.length > shown.length && (
        <Typography variant="caption" color="textSecondary">
          {`${severe.length - shown.length} more on the Overview tab.`}
        </Typography>
      )}
    </>
  );
}
