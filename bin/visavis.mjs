#!/usr/bin/env node
// The CLI. In a checkout (tsx installed) it runs the TypeScript source, so it is always current; in a
// deployment built with `npm run build` and pruned of dev dependencies it runs build/visavis.js.
// https://tsx.is/dev-api/register-esm
let run;
try {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run } = await import('../src/cli/visavis.ts'));
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  ({ run } = await import('../build/visavis.js'));
}
process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
