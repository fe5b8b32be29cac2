#!/usr/bin/env node
// npm bin "orientir": runs the TypeScript CLI through the workspace's SWC register (path aliases included).
require('../infra/register.js');
const { main } = require('../apps/cli/src/main.ts');

main(process.argv).then((code) => {
  process.exitCode = code;
});
