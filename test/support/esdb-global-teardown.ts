/** Stops the EventStoreDB container the global setup started, if it started one. */
export default async function tearDownEventStoreDb(): Promise<void> {
  await globalThis.eventStoreContainer?.stop();
}
