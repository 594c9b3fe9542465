import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { MtlsReport } from '@meshlens/plugin-service-mesh-common';
import { formatNumber } from '../../utils/formatNumber';
import { CryptoConfiguration } from '../CryptoConfiguration/CryptoConfiguration';
import { MtlsCoverage } from '../MtlsCoverage/MtlsCoverage';
import { RequestShareTable } from '../RequestShareTable/RequestShareTable';

const useStyles = makeStyles(theme => ({
  heading: { marginBottom: theme.spacing(1) },
  mono: { fontFamily: 'monospace', wordBreak: 'break-all' },
  excluded: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
  reason: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
}));

const excludedLabels: Record<string, string> = {
  probe: 'kubelet probes',
  admin: 'proxy admin scrapes',
};

/** `in 5 h`, `in 3 d` or `expired`, relative to `now`. */
function relativeExpiry(expiresAt: number, now: number): string {
  const hours = (expiresAt - now) / 3_600_000;
  if (hours <= 0) return 'expired';
  if (hours < 1) return `in ${Math.ceil(hours * 60)} min`;
  if (hours < 48) return `in ${Math.floor(hours)} h`;
  return `in ${Math.floor(hours / 24)} d`;
}

function CertificateExpiry(props: { expiresAt: string; observedAt?: string }) {
  const classes = useStyles();
  const time = Date.parse(props.expiresAt);
  const text = Number.isNaN(time)
    ? props.expiresAt
    : `${new Date(time).toLocaleString()} (${relativeExpiry(
        time,
        // Relative to when the metrics were observed (a snapshot's capture time), not the browser clock.
        props.observedAt ? Date.parse(props.observedAt) : Date.now(),
      )})`;
  return (
    <>
      <Typography
        variant="subtitle2"
        component="h3"
        className={classes.heading}
      >
        Leaf certificate expiry
      </Typography>
      <Typography variant="body2">
        <time dateTime={props.expiresAt} title={props.expiresAt}>
          {text}
        </time>
      </Typography>
    </>
  );
}

/**
 * Props of {@link MtlsCard}.
 *
 * @internal
 */
export interface MtlsCardProps {
  mtls: MtlsReport;
}

/**
 * mTLS of an entity's inbound traffic from proxy metrics: the coverage, the
 * client identities, the plaintext sources with their reason (marked when
 * expected from an ingress), the proxies' crypto configuration and the
 * earliest leaf certificate expiry.
 *
 * @internal
 */
export function MtlsCard(props: MtlsCardProps) {
  const { mtls } = props;
  const classes = useStyles();

  return (
    <InfoCard title="mTLS" subheader="Inbound requests, from proxy metrics">
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <MtlsCoverage
            ratio={mtls.inboundTlsRatio}
            requests={mtls.inboundRequests}
          />
        </Grid>
        {mtls.byClient.length > 0 && (
          <Grid item xs={12} md={6}>
            <Typography variant="subtitle2" component="h3">
              Client identities
            </Typography>
            <RequestShareTable
              label="Client identities"
              header="Client identity"
              rows={mtls.byClient.map(client => ({
                key: client.clientId,
                content: (
                  <span className={classes.mono}>{client.clientId}</span>
                ),
                requests: client.requests,
                share: client.share,
              }))}
            />
          </Grid>
        )}
        {mtls.plaintext.length > 0 && (
          <Grid item xs={12} md={6}>
            <Typography variant="subtitle2" component="h3">
              Plaintext sources
            </Typography>
            <RequestShareTable
              label="Plaintext sources"
              header="Reason"
              rows={mtls.plaintext.map(source => ({
                key: source.reason,
                content: (
                  <span className={classes.reason}>
                    <span className={classes.mono}>{source.reason}</span>
                    {source.expected && (
                      <Chip size="small" label="expected (ingress)" />
                    )}
                  </span>
                ),
                requests: source.requests,
                share: source.share,
              }))}
            />
          </Grid>
        )}
        {mtls.excluded && mtls.excluded.length > 0 && (
          <Grid item xs={12}>
            <Typography variant="subtitle2" component="h3">
              Left out of the share
            </Typography>
            <ul className={classes.excluded} aria-label="Left out of the share">
              {mtls.excluded.map(entry => (
                <Typography component="li" variant="body2" key={entry.kind}>
                  {`${
                    excludedLabels[entry.kind] ?? entry.kind
                  }: plaintext, expected (${formatNumber(
                    entry.requests,
                  )} requests)`}
                </Typography>
              ))}
            </ul>
          </Grid>
        )}
        {mtls.crypto && (
          <Grid item xs={12} md={8}>
            <CryptoConfiguration crypto={mtls.crypto} />
          </Grid>
        )}
        {mtls.leafCertificateExpiresAt && (
          <Grid item xs={12} md={4}>
            <CertificateExpiry
              expiresAt={mtls.leafCertificateExpiresAt}
              observedAt={mtls.observedAt}
            />
          </Grid>
        )}
      </Grid>
    </InfoCard>
  );
}
