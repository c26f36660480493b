import { ConfigError, loadConfig, redactPassword } from './ledger-config';

describe('configuration of the event store', () => {
  it('defaults to SQLite, and asks for nothing else', () => {
    expect(loadConfig({})).toMatchObject({ eventStore: 'sqlite' });
    expect(loadConfig({}).eventStoreConnectionString).toBeUndefined();
  });

  it('runs on EventStoreDB with a connection string', () => {
    const config = loadConfig({ LEDGER_EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: ' esdb://a:2113,b:2113,c:2113?tls=true ' });
    expect(config).toMatchObject({ eventStore: 'esdb', eventStoreConnectionString: 'esdb://a:2113,b:2113,c:2113?tls=true' });
  });

  it('refuses EventStoreDB without a connection string, or with one of another scheme, naming the variable', () => {
    expect(() => loadConfig({ LEDGER_EVENT_STORE: 'esdb' })).toThrow(new ConfigError(
      'EVENTSTORE_CONNECTION_STRING is required when LEDGER_EVENT_STORE=esdb, e.g. esdb://localhost:2113?tls=false',
    ));
    expect(() => loadConfig({ LEDGER_EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: 'http://admin:changeit@x:2113' })).toThrow(
      'EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://, got "http://admin:***@x:2113"',
    );
    expect(() => loadConfig({ LEDGER_EVENT_STORE: 'postgres' })).toThrow('LEDGER_EVENT_STORE must be one of sqlite, esdb, memory, got "postgres"');
  });

  it('never shows a password from a connection string', () => {
    expect(redactPassword('esdb+discover://admin:changeit@cluster.dns:2113?tls=true')).toBe('esdb+discover://admin:***@cluster.dns:2113?tls=true');
    expect(redactPassword('esdb://localhost:2113?tls=false')).toBe('esdb://localhost:2113?tls=false');
  });
});
