import { GenericContainer, getContainerRuntimeClient, StartedTestContainer, Wait } from 'testcontainers';
import { ESDB_SKIP_ENV, NO_EVENTSTOREDB } from './esdb';

/** Image the EventStoreDB suites start when Docker is there; keep in step with docker-compose.yml. */
const IMAGE = process.env.LEDGER_TEST_EVENTSTORE_IMAGE ?? 'eventstore/eventstore:24.10';

declare global {
  // Shared with the global teardown, which runs in this same process.
  var eventStoreContainer: StartedTestContainer | undefined;
}

/**
 * Decides once per run where the EventStoreDB suites run: on the server EVENTSTORE_CONNECTION_STRING names, else on
 * one started here when Docker answers, else nowhere, and then they are skipped with the reason in their names.
 * The decision reaches the test files through the environment, which jest's workers inherit.
 */
export default async function setUpEventStoreDb(): Promise<void> {
  if (process.env.EVENTSTORE_CONNECTION_STRING) return announce('on the server EVENTSTORE_CONNECTION_STRING names');
  try {
    await getContainerRuntimeClient();
  } catch {
    process.env[ESDB_SKIP_ENV] = NO_EVENTSTOREDB;
    return announce(`skipped: ${NO_EVENTSTOREDB}`);
  }
  try {
    const container = await new GenericContainer(IMAGE)
      .withEnvironment({
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_MEM_DB: 'true',
        EVENTSTORE_RUN_PROJECTIONS: 'All',
        EVENTSTORE_START_STANDARD_PROJECTIONS: 'true',
      })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCodeMatching((status) => status >= 200 && status < 300))
      .withStartupTimeout(120_000)
      .start();
    globalThis.eventStoreContainer = container;
    process.env.EVENTSTORE_CONNECTION_STRING = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
    announce(`on ${IMAGE}, started with Docker`);
  } catch (error) {
    process.env[ESDB_SKIP_ENV] = `Docker is there but ${IMAGE} did not start (${(error as Error).message.split('\n')[0]})`;
    announce(`skipped: ${process.env[ESDB_SKIP_ENV]}`);
  }
}

function announce(where: string): void {
  process.stdout.write(`\nEventStoreDB suites: ${where}\n`);
}
