// Starts document-worker.ts where there is no compiled JS (tsx, vitest): tsx is registered in this worker
// thread first, as bin/visavis.mjs does for the CLI. The bundled build runs document-worker.js instead (pool.ts).
import { register } from 'tsx/esm/api';

register();
await import('./document-worker.ts');
