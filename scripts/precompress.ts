import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes `.br` (quality 11) and `.gz` (level 9) beside every built text file over 1 KiB, once per build, so
 * the server sends them as they are (@fastify/static `preCompressed`): smaller than compressing per request
 * at the fast settings a server must use (brotli 4), and no CPU spent on it per request. Issue #10: the
 * first load on a slow network is bytes.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'visavis-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      for (const file of await textFiles(outDir)) {
        const body = await readFile(file);
        if (body.length < 1024) continue;
        await writeFile(
          `${file}.br`,
          brotliCompressSync(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          }),
        );
        await writeFile(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

const TEXT = /\.(js|css|html|svg|json)$/;

async function textFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(dir)) {
    const full = path.join(dir, name);
    if ((await stat(full)).isDirectory()) {
      if (name !== '.vite') out.push(...(await textFiles(full)));
    } else if (TEXT.test(name)) out.push(full);
  }
  return out;
}
