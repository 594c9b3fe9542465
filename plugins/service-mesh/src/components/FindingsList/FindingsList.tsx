import { InfoCard } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  Finding,
  FindingSeverity,
} from '@meshlens/plugin-service-mesh-common';
import { FindingSeverityChip } from '../FindingSeverityChip/FindingSeverityChip';

const severityOrder: Record<FindingSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

const useStyles = makeStyles(theme => ({
  primary: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  code: { fontFamily: 'monospace', fontWeight: 'bold' },
  location: { display: 'block', fontFamily: 'monospace' },
}));

function locationOf(finding: Finding): string | undefined {
  const parts = [finding.cluster, finding.namespace, finding.workload].filter(
    Boolean,
  );
  return parts.length > 0 ? parts.join(' / ') : undefined;
}

/**
 * Props of {@link FindingsList}.
 *
 * @internal
 */
export interface FindingsListProps {
  findings: Finding[];
}

/**
 * The findings of an entity, most severe first: severity, code, message and
 * where it applies (cluster / namespace / workload).
 *
 * @internal
 */
export function FindingsList(props: FindingsListProps) {
  const classes = useStyles();
  const findings = [...props.findings].sort(
    (a, b) =>
      (severityOrder[a.severity] ?? 3) - (severityOrder[b.severity] ?? 3),
  );

  return (
    <InfoCard title="Findings" noPadding={findings.length > 0}>
      {findings.length === 0 ? (
        <Typography variant="body2">No findings.</Typography>
      ) : (
        <List dense>
          {findings.map((finding, index) => {
            const location = locationOf(finding);
            return (
              <ListItem key={`${finding.code}-${index}`} divider>
                <ListItemText
                  disableTypography
                  primary={
                    <div className={classes.primary}>
                      <FindingSeverityChip severity={finding.severity} />
                      <Typography component="span" className={classes.code}>
                        {finding.code}
                      </Typography>
                    </div>
                  }
                  secondary={
                    <Typography variant="body2" color="textSecondary">
                      {finding.message}
                      {location && (
                        <span className={classes.location}>{location}</span>
                      )}
                    </Typography>
                  }
                />
              </ListItem>
            );
          })}
        </List>
      )}
    </InfoCard>
  );
}
