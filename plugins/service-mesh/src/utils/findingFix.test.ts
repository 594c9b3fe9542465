import { findingFix } from './findingFix';

describe('findingFix', () => {
  it('names the fix of a finding in one line', () => {
    // The annotation is Linkerd's: linkerd2 pkg/k8s/labels.go, ProxyOpaquePortsAnnotation = "config.linkerd.io/opaque-ports".
    expect(findingFix('opaque-ports-required')).toMatch(
      /config\.linkerd\.io\/opaque-ports/,
    );
    expect(findingFix('injection-pending-restart')).toMatch(/rollout restart/);
    expect(findingFix('injection-pending-restart')).not.toMatch(/\n/);
    // 2.19's native-sidecar switch is the beta annotation: /work/shared/data/linkerd-2.19/injected/
    // emojivoto_deployment_native_sidecar.golden.yaml (linkerd2 controller/gen/config inject golden).
    expect(findingFix('native-sidecar-recommended')).toMatch(
      /config\.beta\.linkerd\.io\/proxy-enable-native-sidecar/,
    );
  });
});
