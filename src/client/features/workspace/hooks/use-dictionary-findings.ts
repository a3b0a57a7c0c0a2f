import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { profileFor } from '../../../../shared/qa/lang-profile';
import type { Finding } from '../../../../shared/qa/types';
import type { DocumentState } from '../../../../shared/schemas';
import { qaQueries } from '../api';

/** How long the texts must stay still before the server checks them again (typing would ask at every save). */
const SETTLE_MS = 800;

const glossaryIds = new WeakMap<object, number>();
let nextGlossaryId = 0;

/**
 * What the dictionary findings depend on, as a short key: the segments' versions (a text edit bumps its segment's),
 * the glossary (its words are never misspelt) and the check settings. Flags and dismissals are not in it: the
 * browser marks covered findings and hides dismissed ones itself.
 */
export function dictionaryKey(doc: Pick<DocumentState, 'segments' | 'glossary' | 'qaSettings'>): string {
  let versions = 0;
  for (const s of doc.segments) versions += s.version;
  let g = 0;
  if (doc.glossary) {
    g = glossaryIds.get(doc.glossary) ?? 0;
    if (!g) glossaryIds.set(doc.glossary, (g = ++nextGlossaryId));
  }
  return `${doc.segments.length}:${versions}:${g}:${JSON.stringify(doc.qaSettings ?? null)}`;
}

export interface DictionaryFindings {
  /** The server's findings of the dictionary checks, as last fetched (the texts may have moved on since). */
  findings: readonly Finding[];
  /** The target language has a dictionary on the server: these checks run there. */
  available: boolean;
  failed: boolean;
}

const NONE: readonly Finding[] = [];

/**
 * The findings only the server can make (the target language's Hunspell dictionary: spelling, names told from
 * German nouns), fetched once the texts have settled. Nothing is asked where the language has no dictionary.
 */
export function useDictionaryFindings(docId: string, doc: DocumentState | undefined): DictionaryFindings {
  const available = doc ? profileFor(doc.targetLang).dictionary !== null : false;
  const key = useMemo(() => (doc && available ? dictionaryKey(doc) : ''), [doc, available]);
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    if (key === settled) return;
    // The first key is asked at once; later ones once the texts stop changing.
    const timer = setTimeout(() => setSettled(key), settled ? SETTLE_MS : 0);
    return () => clearTimeout(timer);
  }, [key, settled]);
  const query = useQuery({
    ...qaQueries.dictionary(docId, settled),
    enabled: available && settled !== '',
    placeholderData: keepPreviousData,
  });
  return { findings: query.data ?? NONE, available, failed: query.isError };
}
