import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseGlossaryCsv } from '../shared/formats/glossary';
import { importPlainTexts } from '../shared/formats/import-text';
import { createDocument } from './routes/documents';
import type { DocumentStore } from './store/document-store';

export const SAMPLE_ID = 'laftit-darmanin';

/** On an empty store, loads the Laftit–Darmanin article so a new user has something real to review. */
export async function seedSample(store: DocumentStore, samplesDir: string): Promise<boolean> {
  if ((await store.list()).length > 0) return false;
  const dir = path.join(samplesDir, SAMPLE_ID);
  const [source, target, glossaryCsv] = await Promise.all([
    readFile(path.join(dir, 'source.ar.txt'), 'utf8'),
    readFile(path.join(dir, 'target.fr.txt'), 'utf8'),
    readFile(path.join(dir, 'glossary.csv'), 'utf8'),
  ]);
  const doc = await createDocument(
    store,
    {
      id: SAMPLE_ID,
      title: 'Laftit reçoit Darmanin (Rabat, 22 avril 2024)',
      sourceLang: 'ar',
      targetLang: 'fr',
      segments: importPlainTexts(source, target),
    },
    'Vis-à-vis',
  );
  // The project termbase comes with it, so the terminology checks work from the first minute.
  const glossary = { sourceLang: 'ar', targetLang: 'fr', entries: parseGlossaryCsv(glossaryCsv).entries };
  await store.append(doc.id, 'Vis-à-vis', () => ({
    events: [{ type: 'GlossarySet', payload: { glossary, fileName: 'glossary.csv' } }],
  }));
  return true;
}
