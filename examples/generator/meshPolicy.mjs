// The Linkerd policy and route objects of auto-brand (model/meshPolicy.mjs), with the metadata the
// API server fills in.
import { AB_NS } from '../model/autoBrand.mjs';
import { MESH_POLICY, MESH_POLICY_APPLIED_AT } from '../model/meshPolicy.mjs';
import { metadata } from './metadata.mjs';

export function buildMeshPolicy(C) {
  const created = Date.parse(MESH_POLICY_APPLIED_AT);
  MESH_POLICY.forEach((o, i) =>
    C.add({
      apiVersion: o.apiVersion,
      kind: o.kind,
      metadata: { ...metadata({ name: o.name, namespace: AB_NS, annotations: o.annotations, created: created + i * 1000, uidSeed: `${AB_NS}/${o.kind}/${o.name}`, generation: 1 }) },
      spec: o.spec,
    }),
  );
}
