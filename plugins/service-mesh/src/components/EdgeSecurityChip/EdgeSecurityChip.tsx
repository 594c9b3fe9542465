import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import LockIcon from '@material-ui/icons/Lock';
import LockOpenIcon from '@material-ui/icons/LockOpen';
import type { EdgeReport } from '@meshlens/plugin-service-mesh-common';
import { formatPercent } from '../../utils/formatPercent';

/**
 * The label of an edge's security: `mTLS`, `partial 60%` or `plaintext`.
 *
 * @internal
 */
export function edgeSecurityLabel(
  edge: Pick<EdgeReport, 'security' | 'tlsShare'>,
): string {
  if (edge.security === 'mtls') return 'mTLS';
  if (edge.security === 'partial') {
    return edge.tlsShare === undefined
      ? 'partial'
      : `partial ${formatPercent(edge.tlsShare)}`;
  }
  return 'plaintext';
}

/**
 * Props of {@link EdgeSecurityChip}.
 *
 * @internal
 */
export interface EdgeSecurityChipProps {
  edge: Pick<EdgeReport, 'security' | 'tlsShare' | 'noTlsReason' | 'protocol'>;
}

/**
 * An edge's security as a small chip (mTLS, partial with its share, or
 * plaintext), with the reason for missing TLS on hover; `TCP` follows for
 * edges that carry only connections.
 *
 * @internal
 */
export function EdgeSecurityChip(props: EdgeSecurityChipProps) {
  const { edge } = props;
  const mtls = edge.security === 'mtls';
  const chip = (
    <Chip
      size="small"
      icon={mtls ? <LockIcon /> : <LockOpenIcon />}
      label={edgeSecurityLabel(edge)}
      color={mtls ? 'primary' : 'default'}
      variant={mtls ? 'default' : 'outlined'}
    />
  );
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {edge.noTlsReason ? (
        <Tooltip title={`No TLS: ${edge.noTlsReason}`}>{chip}</Tooltip>
      ) : (
        chip
      )}
      {edge.protocol === 'tcp' && (
        <Chip
          size="small"
          variant="outlined"
          label="TCP"
          style={{ marginLeft: 4 }}
        />
      )}
    </span>
  );
}
