import { useEffect, useState } from 'react';
import type { DocumentState } from '../../../../shared/schemas';

export type QaEngine = typeof import('../lib/qa-engine');

let engine: Promise<QaEngine> | undefined;
let stemmers: Promise<unknown> | undefined;

/** Loads the checks once (a chunk of their own); a failed download is tried again next time. */
function loadEngine(): Promise<QaEngine> {
  engine ??= import('../lib/qa-engine').catch((err: unknown) => {
    engine = undefined;
    throw err;
  });
  return engine;
}

/** The Snowball stemmers (~30 kB compressed), only for a glossary in a language matched by stems. */
function loadStemmers(): Promise<unknown> {
  stemmers ??= import('../../../../shared/qa/snowball').catch((err: unknown) => {
    stemmers = undefined;
    throw err;
  });
  return stemmers;
}

/** Does matching this document's glossary stem words (German, Dutch…)? */
const needsStemmers = (qa: QaEngine, doc: Pick<DocumentState, 'glossary' | 'sourceLang' | 'targetLang'>) =>
  !!doc.glossary && [doc.sourceLang, doc.targetLang].some((lang) => qa.profileFor(lang).stemmer);

/**
 * The QA engine once it is here and ready for this document (its glossary's stemmers loaded), or null
 * meanwhile: the checks are downloaded after the first rows are painted, not before (issue #10).
 */
export function useQaEngine(doc: DocumentState | undefined): QaEngine | null {
  const [loaded, setLoaded] = useState<QaEngine | null>(null);
  const [failed, setFailed] = useState(0);
  const wanted = doc !== undefined;
  useEffect(() => {
    if (!wanted || loaded) return;
    let live = true;
    loadEngine().then(
      (qa) => live && setLoaded(qa),
      // Offline for a moment: the findings come on the next try.
      () => live && setTimeout(() => live && setFailed((n) => n + 1), 5_000),
    );
    return () => {
      live = false;
    };
  }, [wanted, loaded, failed]);
  const stems = !!loaded && !!doc && needsStemmers(loaded, doc) && !loaded.snowballProvided();
  const [stemsReady, setStemsReady] = useState(0);
  useEffect(() => {
    if (!stems) return;
    let live = true;
    loadStemmers().then(
      () => live && setStemsReady((n) => n + 1),
      () => live && setTimeout(() => live && setStemsReady((n) => n + 1), 5_000),
    );
    return () => {
      live = false;
    };
  }, [stems, stemsReady]);
  return loaded && !stems ? loaded : null;
}
