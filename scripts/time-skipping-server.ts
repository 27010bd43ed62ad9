/**
 * Finds or fetches Temporal's time-skipping test server (the Java one, from Maven Central: its own download route,
 * temporal.download, is unreachable here) for tests of waits that last hours or days: an approval SLA of 4 h, a
 * 24 h tail, a 72 h sign-off. Cached outside the clone like the Temporal CLI, so CI fetches it once.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { cacheRoot } from './temporal-cli';

const run = promisify(execFile);

export const TEST_SERVER_VERSION = '1.31.0';

const POM = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>liveops</groupId><artifactId>time-skipping-server</artifactId><version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId><version>${TEST_SERVER_VERSION}</version>
    </dependency>
  </dependencies>
</project>
`;

/** The executable TestWorkflowEnvironment.createTimeSkipping runs as `<path> <port>`: a wrapper around java. */
export async function ensureTimeSkippingServer(
  env: NodeJS.ProcessEnv = process.env,
  progress: (message: string) => void = () => undefined,
): Promise<string> {
  const dir = path.join(cacheRoot(env), 'temporal-test-server', TEST_SERVER_VERSION);
  const lib = path.join(dir, 'lib');
  const wrapper = path.join(dir, 'test-server');
  const hasJars =
    fs.existsSync(lib) && fs.readdirSync(lib).some((name) => name.startsWith('temporal-test-server'));
  if (!hasJars) {
    progress(`fetching io.temporal:temporal-test-server:${TEST_SERVER_VERSION} with Maven into ${lib}`);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'liveops-test-server-'));
    fs.writeFileSync(path.join(work, 'pom.xml'), POM);
    try {
      await run('mvn', ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`], {
        cwd: work,
        timeout: 10 * 60_000,
      });
    } catch (error) {
      const err = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(
        `could not fetch the time-skipping test server with Maven (needs mvn and Java 17+): ${(err.stderr || err.stdout || err.message).trim().slice(0, 500)}`,
      );
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  // `exec`, so that stopping the wrapper stops the JVM itself.
  fs.writeFileSync(wrapper, `#!/bin/sh\nexec java -cp "${lib}/*" io.temporal.testserver.TestServer "$@"\n`, {
    mode: 0o755,
  });
  return wrapper;
}

if (require.main === module) {
  ensureTimeSkippingServer(process.env, (message) => process.stderr.write(`[test-server] ${message}\n`))
    .then((wrapper) => process.stdout.write(`${wrapper}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
