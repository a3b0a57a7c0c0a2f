import { afterEach, describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import type { DocumentState } from '../../shared/schemas';
import { documentQueries } from '../lib/document-queries';
import { viewOf } from '../lib/live-document';
import { sessionQueries } from '../lib/session';
import { primeFromPage } from './boot';
import { FIRST_SCREEN_ROWS, FirstScreen, firstRows } from '../../first-screen/first-screen';
import { dropFirstScreen, hasFirstScreen, takeFirstScreen } from './handover';

const segment = (i: number, target: string) => ({
  id: `s${i}`,
  index: i,
  source: `source ${i}`,
  target,
  status: 'translated' as const,
  version: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'a',
});

const doc = {
  id: 'd1',
  title: 'Doc',
  sourceLang: 'ja',
  targetLang: 'de',
  status: 'in-translation',
  segments: [segment(0, 'Eins'), segment(1, 'Zwei'), segment(2, '')],
  flags: [],
} as unknown as DocumentState;

/** The page as the server sends it (server/first-screen.ts), in this jsdom document. */
function serverPage(d: DocumentState = doc) {
  const markup = renderToStaticMarkup(
    createElement(FirstScreen, { doc: d, t: (k) => k, langName: (tag) => tag, canEdit: true }),
  );
  document.documentElement.className = 'first-screen-on';
  document.body.innerHTML = `<div id="first-screen">${markup}</div><div id="root"></div>`;
}

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.className = '';
});

describe('taking over from the first screen', () => {
  it('hands over the translations typed, the focused cell and its selection, then removes it', () => {
    serverPage();
    const cells = document.querySelectorAll<HTMLTextAreaElement>('#first-screen textarea');
    expect([...cells].map((c) => c.getAttribute('aria-label'))).toEqual([
      'workspace:segment.targetLabel',
      'workspace:segment.targetLabel',
      'workspace:segment.targetLabel',
    ]);
    cells[0]!.value = 'Eins und\r\nzwei';
    cells[2]!.value = 'Drei';
    cells[2]!.focus();
    cells[2]!.setSelectionRange(1, 3);
    expect(hasFirstScreen()).toBe(true);
    expect(takeFirstScreen()).toEqual({
      edits: [
        { segmentId: 's0', text: 'Eins und\nzwei' },
        { segmentId: 's2', text: 'Drei' },
      ],
      focus: { segmentId: 's2', start: 1, end: 3 },
      topSegmentId: null,
    });
    expect(hasFirstScreen()).toBe(false);
    expect(document.documentElement.classList.contains('first-screen-on')).toBe(false);
    expect(document.getElementById('root')).not.toBeNull();
    // Once only.
    expect(takeFirstScreen()).toBeNull();
  });

  it('hands over nothing for cells left as they were', () => {
    serverPage();
    expect(takeFirstScreen()).toEqual({ edits: [], focus: null, topSegmentId: null });
  });

  it('can be dropped without handing anything over (another page, a failed load)', () => {
    serverPage();
    dropFirstScreen();
    expect(hasFirstScreen()).toBe(false);
    expect(document.documentElement.className).toBe('');
  });

  it('draws a screen or two, not a whole large document', () => {
    const many = Array.from({ length: 500 }, (_, i) => segment(i, 'x'.repeat(40)));
    expect(firstRows(many)).toHaveLength(FIRST_SCREEN_ROWS);
    const long = Array.from({ length: 50 }, (_, i) => segment(i, 'y'.repeat(5000)));
    expect(firstRows(long).length).toBeLessThan(10);
    expect(firstRows([])).toEqual([]);
  });
});

describe('the answers the page brings', () => {
  it('go into the query cache once, and the blocks are removed', () => {
    document.body.innerHTML =
      `<script type="application/json" id="visavis-session">${JSON.stringify({
        user: { id: 'u1', login: 'amina', displayName: 'Amina', roles: ['reviewer'], mustChangePassword: false },
        csrfToken: 'c',
      })}</script>` +
      `<script type="application/json" id="visavis-document">${JSON.stringify({ document: doc })}</script>`;
    const qc = new QueryClient();
    primeFromPage(qc);
    expect(qc.getQueryData(sessionQueries.current().queryKey)).toMatchObject({ user: { login: 'amina' } });
    const state = qc.getQueryData(documentQueries.detail('d1').queryKey);
    expect(state && viewOf(state).segments.map((s) => s.target)).toEqual(['Eins', 'Zwei', '']);
    expect(document.getElementById('visavis-session')).toBeNull();
    expect(document.getElementById('visavis-document')).toBeNull();
  });

  it('are ignored when they do not parse or are not what the app asks for', () => {
    document.body.innerHTML =
      '<script type="application/json" id="visavis-session">{oops</script>' +
      '<script type="application/json" id="visavis-document">{"document":{"id":3}}</script>';
    const qc = new QueryClient();
    primeFromPage(qc);
    expect(qc.getQueryCache().getAll()).toHaveLength(0);
  });
});
