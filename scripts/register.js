// Runs TypeScript sources directly (apps, CLI, benchmarks) with SWC, honouring the
// tsconfig paths (@wake/*) and emitting decorator metadata for NestJS.
process.env.SWC_NODE_PROJECT = require('path').join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
