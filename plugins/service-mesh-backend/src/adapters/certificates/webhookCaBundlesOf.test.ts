import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parseAllDocuments } from 'yaml';
import { emptyClusterObjects } from '@meshlens/plugin-service-mesh-common';
import { webhookCaBundlesOf } from './webhookCaBundlesOf';

// linkerd check reads the webhook CAs from the webhook configurations' caBundle (linkerd2
// edge-25.10.7 pkg/healthcheck/healthcheck.go fetchWebhookCaBundle, getProxyInjectorMutatingWebhook:
// one webhook per configuration, `clientConfig.caBundle` PEM). Meshlens reads the same public
// field; the serving certificates stay in Secrets it does not read.
const linkerdYaml = readFileSync(resolve(__dirname, '../../../../../examples/homelab-meshed/cluster/namespaces/linkerd.yaml'), 'utf8');
const PEM: string = parseAllDocuments(linkerdYaml).map(d => d.toJS()).find((d: any) => d?.metadata?.name === 'linkerd-identity-trust-roots').data['ca-bundle.crt'];
const webhook = (kind: string, name: string, caBundle: string) => ({ kind, metadata: { name }, webhooks: [{ name: `${name}.linkerd.io`, clientConfig: { caBundle } }] });

describe('webhookCaBundlesOf', () => {
  it('parses the caBundle (base64 PEM) of Linkerd\'s webhook configurations, with notBefore and notAfter', () => {
    const objects = emptyClusterObjects();
    objects.mutatingWebhooks.push(webhook('MutatingWebhookConfiguration', 'linkerd-proxy-injector-webhook-config', Buffer.from(PEM).toString('base64')) as any);
    objects.validatingWebhooks.push(webhook('ValidatingWebhookConfiguration', 'linkerd-sp-validator-webhook-config', Buffer.from(PEM).toString('base64')) as any);
    objects.validatingWebhooks.push(webhook('ValidatingWebhookConfiguration', 'other-webhook', Buffer.from(PEM).toString('base64')) as any);
    const { bundles, errors } = webhookCaBundlesOf(objects);
    expect(errors).toEqual([]);
    expect(bundles).toEqual([
      { webhook: 'linkerd-proxy-injector-webhook-config', certificates: [{ subject: 'CN=root.linkerd.cluster.local', notBefore: '2026-11-17T09:00:00.000Z', notAfter: '2027-11-17T09:00:00.000Z' }] },
      { webhook: 'linkerd-sp-validator-webhook-config', certificates: [{ subject: 'CN=root.linkerd.cluster.local', notBefore: '2026-11-17T09:00:00.000Z', notAfter: '2027-11-17T09:00:00.000Z' }] },
    ]);
  });
  it('names an unreadable caBundle and keeps the others', () => {
    const objects = emptyClusterObjects();
    objects.validatingWebhooks.push(webhook('ValidatingWebhookConfiguration', 'linkerd-policy-validator-webhook-config', Buffer.from('not a pem').toString('base64')) as any);
    expect(webhookCaBundlesOf(objects)).toEqual({ bundles: [], errors: ['linkerd-policy-validator-webhook-config: caBundle holds no PEM certificate'] });
  });
});
