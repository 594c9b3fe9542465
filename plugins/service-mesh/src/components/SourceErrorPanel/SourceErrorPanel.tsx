import { WarningPanel } from '@backstage/core-components';
import type { SourceErrorReport } from '@meshlens/plugin-service-mesh-common';

/** A source that failed while the rest of the answer was computed (an entry of `errors[]`). */
export function SourceErrorPanel(props: {
  error: SourceErrorReport;
  defaultExpanded?: boolean;
}) {
  return (
    <WarningPanel
      severity="warning"
      defaultExpanded={props.defaultExpanded}
      title={`Could not read ${props.error.source}`}
      message={props.error.message}
    />
  );
}
