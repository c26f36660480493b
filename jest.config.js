/** Unit specs live beside the code (src, projections, seeds); contract and e2e suites in test/. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/projections', '<rootDir>/seeds', '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec|contract-spec|integration-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Lists every suite by name, so a skipped one shows the reason its name carries.
  verbose: true,
  // Decides once whether the EventStoreDB suites run (configured server, or Docker) or are skipped, and why.
  globalSetup: '<rootDir>/test/support/esdb-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/esdb-global-teardown.ts',
};
