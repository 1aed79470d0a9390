const fs = require('fs');
const path = require('path');

// One Jest config, three projects: pure unit specs, integration specs against real
// NATS/PostgreSQL/Docker, and end-to-end specs with the real kubectl.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = { '^@wake/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts' };
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  roots: ['apps', 'libs', 'bench', 'scripts'].filter((d) => fs.existsSync(path.join(__dirname, d))).map((d) => `<rootDir>/${d}`),
};
// A project's default test timeout. `testTimeout` itself is honoured only at the top level in
// Jest 30, not per project: scripts/jest/test-timeout.js sets it from this global instead.
const timeout = (ms) => ({ globals: { WAKE_TEST_TIMEOUT_MS: ms }, setupFilesAfterEnv: ['<rootDir>/scripts/jest/test-timeout.js'] });
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'], testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$', '/node_modules/'] },
    { ...common, ...timeout(120_000), displayName: 'int', testMatch: ['**/*.int.spec.ts'] },
    { ...common, ...timeout(300_000), displayName: 'e2e', testMatch: ['**/*.e2e.spec.ts'] },
  ],
};
