#!/usr/bin/env node
// Runs the TypeScript CLI (src/cli/visavis.ts) through tsx, a dependency: `npx visavis …` works from a
// checkout without a build step. https://tsx.is/dev-api/register-esm
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/visavis.ts');
process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
