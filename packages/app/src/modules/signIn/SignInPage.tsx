import { SignInPage as CoreSignInPage } from '@backstage/core-components';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Sign-in page offering the guest provider.
 */
export const SignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => props =>
      <CoreSignInPage {...props} title="Meshlens" providers={['guest']} />,
  },
});
