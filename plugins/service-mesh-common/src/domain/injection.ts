import { LINKERD } from './linkerdLabels';

/** What `linkerd.io/inject` asks for, after Linkerd's own precedence rules. */
export type InjectionIntent = 'enabled' | 'ingress' | 'disabled' | 'absent' | 'invalid';

const VALID = ['enabled', 'ingress', 'disabled'];

/** Namespaces the proxy injector never sees (its default namespaceSelector). */
const NEVER_INJECTED_NAMESPACES = ['kube-system', 'cert-manager'];

/** Whether the proxy injector's webhook sees the namespace at all (its default namespaceSelector). */
export function injectorSeesNamespace(namespace: string, namespaceLabels?: Record<string, string>): boolean {
  return !NEVER_INJECTED_NAMESPACES.includes(namespace) && namespaceLabels?.['config.linkerd.io/admission-webhooks'] !== 'disabled';
}

/**
 * The injector's decision (`pkg/inject/report.go`): an invalid value on the namespace or pod
 * skips; a namespace `enabled|ingress` injects unless the pod says `disabled`; otherwise only a
 * pod `enabled|ingress` injects.
 */
export function injectionIntent(
  namespace: string,
  templateAnnotations: Record<string, string> | undefined,
  namespaceAnnotations: Record<string, string> | undefined,
  namespaceLabels?: Record<string, string>,
): InjectionIntent {
  const pod = templateAnnotations?.[LINKERD.injectAnnotation];
  const ns = namespaceAnnotations?.[LINKERD.injectAnnotation];
  if ((pod && !VALID.includes(pod)) || (ns && !VALID.includes(ns))) return 'invalid';
  if (!injectorSeesNamespace(namespace, namespaceLabels)) {
    return pod === 'disabled' || ns === 'disabled' ? 'disabled' : 'absent';
  }
  if (ns === 'enabled' || ns === 'ingress') {
    return pod === 'disabled' ? 'disabled' : (pod as InjectionIntent) ?? ns;
  }
  if (pod) return pod as InjectionIntent;
  return ns === 'disabled' ? 'disabled' : 'absent';
}

/** Whether the intent means the injector adds a proxy to new pods. */
export function wantsProxy(intent: InjectionIntent): boolean {
  return intent === 'enabled' || intent === 'ingress';
}
