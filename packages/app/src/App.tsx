import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import serviceMeshPlugin from '@meshlens/plugin-service-mesh/alpha';
import { navModule } from './modules/nav';
import { scorecardModule } from './modules/scorecard';
import { signInModule } from './modules/signIn';

export default createApp({
  features: [
    catalogPlugin,
    orgPlugin,
    userSettingsPlugin,
    serviceMeshPlugin,
    navModule,
    signInModule,
    scorecardModule,
  ],
});
