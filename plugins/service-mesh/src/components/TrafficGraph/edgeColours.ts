import type { Theme } from '@material-ui/core/styles';
import type { EdgeReport } from '@meshlens/plugin-service-mesh-common';

/**
 * The colour of an edge by its security: green for mTLS, amber for partial,
 * red for plaintext (the theme's success, warning and error colours).
 *
 * @internal
 */
export function edgeColours(
  theme: Theme,
): Record<EdgeReport['security'], string> {
  return {
    mtls: theme.palette.success.main,
    partial: theme.palette.warning.main,
    plaintext: theme.palette.error.main,
  };
}
