import { KubeObject } from '@meshlens/plugin-service-mesh-common';
import { stripCustomObject } from './stripObject';

type Json = Record<string, any>;

/** An `ExternalWorkload`: spec as served and the status conditions (its readiness). */
export function stripExternalWorkload(obj: Json): KubeObject & { spec?: any; status?: any } {
  const conditions = Array.isArray(obj.status?.conditions) ? obj.status.conditions : [];
  return {
    ...stripCustomObject(obj),
    status: { conditions: conditions.map((c: Json) => ({ type: c.type, status: c.status, reason: c.reason, message: c.message, lastTransitionTime: c.lastTransitionTime })) },
  };
}
