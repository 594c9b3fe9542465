import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import type { ScorecardCheck } from './loadServiceMeshScorecard';

const useStyles = makeStyles(theme => ({
  passed: { color: theme.palette.success.main },
  failed: { color: theme.palette.error.main },
  unknown: { color: theme.palette.text.secondary },
  // The word keeps the text colour: green and red text is too faint on white.
  status: { fontWeight: 'bold' },
  facts: { fontFamily: 'monospace' },
}));

const statuses = {
  passed: { text: 'passed', Icon: CheckCircleIcon },
  failed: { text: 'failed', Icon: CancelIcon },
  unknown: { text: 'not evaluated', Icon: HelpOutlineIcon },
} as const;

function statusKey(result?: boolean): keyof typeof statuses {
  if (result === undefined) return 'unknown';
  return result ? 'passed' : 'failed';
}

function formatFacts(facts: ScorecardCheck['facts']): string {
  return Object.entries(facts)
    .map(([name, fact]) => `${name} = ${JSON.stringify(fact.value)}`)
    .join(', ');
}

/**
 * One check of the scorecard: an icon and the words "passed", "failed" or
 * "not evaluated" (the colour is never the only sign), the check's name and
 * description, and the facts it read.
 */
export function ScorecardCheckItem(props: { check: ScorecardCheck }) {
  const { check } = props;
  const classes = useStyles();
  const key = statusKey(check.result);
  const status = statuses[key];
  const facts = formatFacts(check.facts);

  return (
    <ListItem data-testid={`scorecard-check-${check.id}`} divider>
      <ListItemIcon className={classes[key]}>
        <status.Icon />
      </ListItemIcon>
      <ListItemText
        primary={
          <>
            <span>{check.name}</span>
            {': '}
            <span className={classes.status}>{status.text}</span>
          </>
        }
        secondary={
          <>
            {check.description}
            {check.result === undefined && (
              <Typography component="span" variant="body2" display="block">
                A fact this check reads has not been collected for this entity.
              </Typography>
            )}
            {facts && (
              <Typography
                component="span"
                variant="caption"
                display="block"
                className={classes.facts}
              >
                {facts}
              </Typography>
            )}
          </>
        }
      />
    </ListItem>
  );
}
