import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../shared/qa/types';
import type { DocumentState } from '../../../../shared/schemas';
import { QaPanel } from './qa-panel';

// Issue #12: a finding a flag already covers says so and cannot be confirmed a second time; the server's
// spelling findings are listed like the others, the document's words in them isolated (<bdi>).

const AT = '2026-12-02T08:00:00.000Z';

const doc: DocumentState = {
  id: 'd1',
  title: 'Busse',
  sourceLang: 'en',
  targetLang: 'de',
  createdAt: AT,
  createdBy: 'ada',
  updatedAt: AT,
  status: 'in-review',
  statusReason: null,
  seq: 3,
  segments: [],
  flags: [],
};

const base = { category: 'fluency/spelling', severity: 'minor', side: 'target', segmentIndex: 0 } as const;
const spelling: Finding = {
  ...base,
  id: 'qa_a',
  checkId: 'spelling',
  segmentId: 's1',
  start: 17,
  end: 25,
  quote: 'Stunnden',
  message: {
    key: 'qa.spelling.default',
    params: { word: 'Stunnden', dictionary: 'dictionary-de', suggestions: 'Stunden' },
  },
  fix: { replacement: 'Stunden' },
};
const covered: Finding = {
  ...base,
  id: 'qa_b',
  checkId: 'number-mismatch',
  category: 'accuracy/mistranslation',
  severity: 'major',
  segmentId: 's2',
  segmentIndex: 1,
  start: 14,
  end: 16,
  quote: '46',
  message: { key: 'qa.number-mismatch.changed', params: { number: '48', found: '46' } },
  fix: { replacement: '48' },
  covered: true,
};

function renderPanel(findings: Finding[], dictionaryFailed = false) {
  const noop = () => {};
  render(
    <QueryClientProvider client={new QueryClient()}>
      <QaPanel
        doc={doc}
        findings={findings}
        shown={findings}
        check=""
        onCheck={noop}
        onStep={noop}
        activeId={undefined}
        canConfirm
        canDismiss
        canFix
        canConfigure={false}
        busy={false}
        dictionaryFailed={dictionaryFailed}
        onGoTo={noop}
        onConfirm={noop}
        onDismiss={noop}
        onFix={noop}
      />
    </QueryClientProvider>,
  );
  const list = screen.queryByRole('list', { name: /^Automatic checks/ });
  return list ? [...list.querySelectorAll('li')] : [];
}

describe('QaPanel', () => {
  it('lists a spelling finding with its fix and Confirm; a covered one says so, without Confirm', () => {
    const [first, second] = renderPanel([spelling, covered]);
    expect(within(first!).getByRole('button', { name: 'Apply fix: “Stunden”' })).toBeVisible();
    expect(within(first!).getByRole('button', { name: 'Confirm as flag' })).toBeVisible();
    expect(first).not.toHaveTextContent('Already covered');
    expect(second).toHaveTextContent('Already covered by a flag on these words');
    expect(within(second!).queryByRole('button', { name: 'Confirm as flag' })).toBeNull();
    expect(within(second!).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Spelling (1)' })).toBeVisible();
  });

  it("isolates the document's words in the message", () => {
    const [first] = renderPanel([spelling]);
    const words = [...first!.querySelectorAll('bdi')].map((b) => [b.textContent, b.getAttribute('dir')]);
    expect(words).toEqual([
      ['Stunnden', 'auto'],
      ['dictionary-de', 'auto'],
    ]);
  });

  it('says when the server’s spelling check could not be had', () => {
    renderPanel([], true);
    expect(screen.getByRole('status')).toHaveTextContent('The spelling check (run on the server) could not be loaded');
  });
});
