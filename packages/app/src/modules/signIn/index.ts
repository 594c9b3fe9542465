import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPage } from './SignInPage';

/**
 * App module installing the Meshlens sign-in page.
 */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [SignInPage],
});
