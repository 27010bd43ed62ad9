/** process.env keys through which globalSetup hands the shared servers to the test files. */
export const TEST_ENV_KEYS = {
  temporalAddress: 'LIVEOPS_TEST_TEMPORAL_ADDRESS',
  databaseUrl: 'LIVEOPS_TEST_DATABASE_URL',
  workDir: 'LIVEOPS_TEST_WORK_DIR',
  workflowBundle: 'LIVEOPS_TEST_WORKFLOW_BUNDLE',
} as const;

export function requireTestEnv(key: keyof typeof TEST_ENV_KEYS): string {
  const value = process.env[TEST_ENV_KEYS[key]];
  if (!value)
    throw new Error(`${TEST_ENV_KEYS[key]} is not set: run integration tests through jest (globalSetup)`);
  return value;
}
