/**
 * The Tech Insights checks of the service-mesh scorecard, in the order the
 * card lists them. They are configured under `techInsights.factChecker.checks`
 * in app-config.yaml and read the facts of Meshlens's fact retriever.
 */
export const serviceMeshCheckIds = [
  'serviceMeshMeshed',
  'serviceMeshMtls',
  'serviceMeshNoWarnings',
  'serviceMeshReadiness',
] as const;
