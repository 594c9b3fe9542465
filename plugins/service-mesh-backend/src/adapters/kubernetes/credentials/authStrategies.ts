import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';

/**
 * Auth providers whose credential is the signed-in user's (sent by the browser with each
 * Kubernetes-plugin request): they cannot feed a cache shared by every user.
 */
export const CLIENT_SIDE_PROVIDERS = new Set(['google', 'oidc', 'aks']);

/** The server-side strategies, by auth provider, built on first use (Azure's reads its environment). */
export type AuthStrategies = (provider: string) => Promise<AuthenticationStrategy | undefined>;

/**
 * The Kubernetes plugin's own server-side strategies (the same map as upstream
 * plugins/kubernetes-backend/src/auth/buildDefaultAuthStrategyMap.ts, client-side ones left out).
 */
export function authStrategies(config: Config, logger: LoggerService): AuthStrategies {
  const built = new Map<string, Promise<AuthenticationStrategy | undefined>>();
  const build = async (provider: string): Promise<AuthenticationStrategy | undefined> => {
    const k8s = await import('@backstage/plugin-kubernetes-backend');
    switch (provider) {
      case 'serviceAccount': return new k8s.ServiceAccountStrategy();
      case 'aws': return new k8s.AwsIamStrategy({ config });
      case 'azure': return new k8s.AzureIdentityStrategy(logger);
      case 'googleServiceAccount': return new k8s.GoogleServiceAccountStrategy({ config });
      case 'localKubectlProxy': return new k8s.AnonymousStrategy();
      default: return undefined;
    }
  };
  return provider => {
    if (!built.has(provider)) built.set(provider, build(provider));
    return built.get(provider)!;
  };
}
