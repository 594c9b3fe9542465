import { CodeSnippet, CopyTextButton } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import type { GeneratedWorkloadPolicy } from '@meshlens/plugin-service-mesh-common';
import { useState } from 'react';
import { downloadTextFile } from '../../utils/downloadTextFile';

const useStyles = makeStyles(theme => ({
  root: { marginTop: theme.spacing(3) },
  workload: { marginTop: theme.spacing(2), minWidth: 0 },
  callers: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1), margin: theme.spacing(1, 0) },
  actions: { display: 'flex', alignItems: 'center', gap: theme.spacing(1), margin: theme.spacing(1, 0) },
}));

/**
 * Props of {@link GeneratedPolicyPanel}.
 *
 * @internal
 */
export interface GeneratedPolicyPanelProps {
  policies?: GeneratedWorkloadPolicy[];
}

function callerLabel(c: GeneratedWorkloadPolicy['callers'][number]): string {
  const name = c.identity.split('.serviceaccount.')[0];
  if (c.undeclared) return `${name} — seen but not declared in the catalog`;
  return c.seen ? name : `${name} — declared, not seen`;
}

function WorkloadPolicy(props: { policy: GeneratedWorkloadPolicy }) {
  const { policy } = props;
  const classes = useStyles();
  const [error, setError] = useState<string>();
  const label = `${policy.namespace}/${policy.name}`;
  const file = `${policy.name}-policy.yaml`;
  const download = () => {
    try {
      downloadTextFile(file, policy.yaml, 'application/yaml');
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className={classes.workload} aria-label={`Generated policy for ${label}`}>
      <Typography variant="subtitle2" component="h4">{`${policy.kind} ${label}`}</Typography>
      <div className={classes.callers}>
        {policy.callers.map(c => (
          <Chip
            key={c.identity}
            size="small"
            variant={c.seen ? 'default' : 'outlined'}
            color={c.undeclared ? 'secondary' : 'default'}
            label={callerLabel(c)}
            title={c.identity}
          />
        ))}
      </div>
      {policy.notes.map(n => (
        <Typography key={n} variant="body2" color="textSecondary">{n}</Typography>
      ))}
      {policy.yaml && (
        <>
          <div className={classes.actions}>
            <CopyTextButton text={policy.yaml} aria-label={`Copy the policy YAML of ${label}`} />
            <Button size="small" variant="outlined" color="primary" startIcon={<GetAppIcon />} onClick={download}>
              {`Download ${file}`}
            </Button>
            {error && <Typography variant="body2" color="error" role="alert">{`Could not download: ${error}`}</Typography>}
          </div>
          {/* Plain text: the YAML highlighter's comment and string colours fail WCAG AA contrast (axe). */}
          <CodeSnippet text={policy.yaml} language="text" wrapLongLines />
        </>
      )}
    </section>
  );
}

/**
 * Authorization policy generated from the callers seen in the metrics window and those the
 * catalog declares, per meshed workload: Servers in audit mode, MeshTLSAuthentication and
 * AuthorizationPolicy, to copy or download. Callers seen but not declared are flagged. Renders
 * nothing when no workload is meshed.
 *
 * @internal
 */
export function GeneratedPolicyPanel(props: GeneratedPolicyPanelProps) {
  const classes = useStyles();
  const policies = props.policies ?? [];
  if (policies.length === 0) return null;
  return (
    <div className={classes.root}>
      <Typography variant="h6" component="h3">Generated authorization policy (audit mode first)</Typography>
      <Typography variant="body2" color="textSecondary">
        From the client identities seen in the window and the callers the catalog declares. Apply, watch what the audit mode lets through, then set each Server's accessPolicy to deny.
      </Typography>
      {policies.map(p => <WorkloadPolicy key={`${p.cluster}/${p.namespace}/${p.kind}/${p.name}`} policy={p} />)}
    </div>
  );
}
