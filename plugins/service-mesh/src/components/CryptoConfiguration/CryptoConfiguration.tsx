import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import WarningIcon from '@material-ui/icons/Warning';
import type { MtlsReport } from '@meshlens/plugin-service-mesh-common';
import { Field, FieldList } from '../FieldList/FieldList';

const useStyles = makeStyles(theme => ({
  heading: { marginBottom: theme.spacing(1) },
  chip: { marginBottom: theme.spacing(1.5), maxWidth: '100%' },
  warning: {
    color: theme.palette.warning.dark,
    borderColor: theme.palette.warning.main,
    '& svg': { color: theme.palette.warning.main },
  },
}));

/**
 * Props of {@link CryptoConfiguration}.
 *
 * @internal
 */
export interface CryptoConfigurationProps {
  crypto: NonNullable<MtlsReport['crypto']>;
}

/**
 * The crypto the proxies are configured with (`rustls_info`): whether a
 * post-quantum key exchange is preferred, FIPS, key exchange groups and
 * cipher suites in preference order. This is configuration, not what a
 * given connection negotiated.
 *
 * @internal
 */
export function CryptoConfiguration(props: CryptoConfigurationProps) {
  const { suites, kxGroups, postQuantumPreferred, fips } = props.crypto;
  const classes = useStyles();
  const preferred = kxGroups[0];

  return (
    <section aria-label="Proxy crypto configuration">
      <Typography
        variant="subtitle2"
        component="h3"
        className={classes.heading}
      >
        Proxy configuration (rustls), not per-connection negotiation
      </Typography>
      {postQuantumPreferred ? (
        <Chip
          className={classes.chip}
          color="primary"
          icon={<VerifiedUserIcon />}
          label={`Post-quantum key exchange preferred: ${preferred}`}
        />
      ) : (
        <Chip
          className={`${classes.chip} ${classes.warning}`}
          variant="outlined"
          icon={<WarningIcon />}
          label={
            preferred
              ? `Post-quantum key exchange not preferred (first: ${preferred})`
              : 'Post-quantum key exchange not preferred'
          }
        />
      )}
      <FieldList monospace>
        <Field label="FIPS">{fips ? 'yes' : 'no'}</Field>
        <Field label="Key exchange groups">
          {kxGroups.length > 0 ? kxGroups.join(', ') : '—'}
        </Field>
        <Field label="Cipher suites">
          {suites.length > 0 ? suites.join(', ') : '—'}
        </Field>
      </FieldList>
    </section>
  );
}
