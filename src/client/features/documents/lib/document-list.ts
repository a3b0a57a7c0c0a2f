import { DOCUMENT_STATUSES, type DocumentListEntry, type DocumentStatus } from '../../../../shared/schemas';

/** A document status, or null for anything else. */
export const documentStatus = (s: string | null): DocumentStatus | null =>
  (DOCUMENT_STATUSES as readonly (string | null)[]).includes(s) ? (s as DocumentStatus) : null;

export const SORT_KEYS = [
  'title',
  'languages',
  'status',
  'progress',
  'segments',
  'openFlags',
  'findings',
  'updated',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** How the documents list is shown: searched by title, filtered by status, sorted by a column (in the URL). */
export interface ListView {
  q: string;
  status: DocumentStatus | null;
  sort: SortKey;
  dir: 'asc' | 'desc';
}

export const DEFAULT_VIEW: ListView = { q: '', status: null, sort: 'updated', dir: 'desc' };

export function viewFromParams(params: URLSearchParams): ListView {
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    status: documentStatus(params.get('status')),
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : DEFAULT_VIEW.sort,
    dir: params.get('dir') === 'asc' ? 'asc' : params.get('dir') === 'desc' ? 'desc' : DEFAULT_VIEW.dir,
  };
}

export function viewToParams(view: ListView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.q) p.set('q', view.q);
  if (view.status) p.set('status', view.status);
  if (view.sort !== DEFAULT_VIEW.sort || view.dir !== DEFAULT_VIEW.dir) {
    p.set('sort', view.sort);
    p.set('dir', view.dir);
  }
  return p;
}

/** Case and accents do not matter when searching titles ("reunion" finds "Réunion"). */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

const progress = (d: DocumentListEntry) => (d.segmentCount === 0 ? 0 : (d.approvedCount ?? 0) / d.segmentCount);

/** The entries to show, in order. Ties keep the server's order (newest change first). */
export function arrange(
  entries: readonly DocumentListEntry[],
  view: ListView,
  locale: string,
  /** QA findings per document id (fetched apart; unknown ones sort first). */
  findings: Readonly<Record<string, number>> = {},
): DocumentListEntry[] {
  const q = fold(view.q.trim());
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const key: Record<SortKey, (a: DocumentListEntry, b: DocumentListEntry) => number> = {
    title: (a, b) => collator.compare(a.title, b.title),
    languages: (a, b) => collator.compare(`${a.sourceLang} ${a.targetLang}`, `${b.sourceLang} ${b.targetLang}`),
    status: (a, b) => DOCUMENT_STATUSES.indexOf(a.status) - DOCUMENT_STATUSES.indexOf(b.status),
    progress: (a, b) => progress(a) - progress(b),
    segments: (a, b) => a.segmentCount - b.segmentCount,
    openFlags: (a, b) => a.openFlagCount - b.openFlagCount,
    findings: (a, b) => (findings[a.id] ?? -1) - (findings[b.id] ?? -1),
    updated: (a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt),
  };
  const sign = view.dir === 'asc' ? 1 : -1;
  return entries
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => (!q || fold(d.title).includes(q)) && (!view.status || d.status === view.status))
    .sort((a, b) => sign * key[view.sort](a.d, b.d) || a.i - b.i)
    .map(({ d }) => d);
}
