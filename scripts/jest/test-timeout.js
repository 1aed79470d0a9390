// Jest 30 reads `testTimeout` only from the top-level (global) config: inside `projects` it is
// accepted and ignored, so every test got the built-in 5 s. Each project names its default in
// `globals.WAKE_TEST_TIMEOUT_MS` and this setup file (setupFilesAfterEnv) applies it; a test file's
// own jest.setTimeout, or a timeout given to one test or hook, still wins.
jest.setTimeout(globalThis.WAKE_TEST_TIMEOUT_MS);
