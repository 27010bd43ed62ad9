import fs from 'node:fs';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { TEST_ENV_KEYS } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const testEnv = (globalThis as Record<string, unknown>).__LIVEOPS_TEST_ENV__ as
    TestWorkflowEnvironment | undefined;
  await testEnv?.teardown();
  const workDir = process.env[TEST_ENV_KEYS.workDir];
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
}
