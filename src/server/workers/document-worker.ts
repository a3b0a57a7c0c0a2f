import { parentPort } from 'node:worker_threads';
import { runDocumentTask, type DocumentTask } from './document-tasks';

// Worker thread entry (pool.ts): one task per message, one answer each. An error goes back as a message, so a
// task that throws never takes the worker down.
const port = parentPort;
if (!port) throw new Error('document-worker runs in a worker thread');
port.on('message', (task: DocumentTask) => {
  try {
    port.postMessage({ ok: true, value: runDocumentTask(task) });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    port.postMessage({ ok: false, error: { message: e.message, stack: e.stack } });
  }
});
