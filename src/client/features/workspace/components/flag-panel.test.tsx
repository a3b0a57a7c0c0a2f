import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { can as roleCan, type Permission, type Role } from '../../../../shared/permissions';
import type { DocumentState, Flag, Segment } from '../../../../shared/schemas';
import { documentQueries } from '../../../lib/document-queries';
import { loaded } from '../../../lib/live-document';
import { FlagPanel } from './flag-panel';

// Issue #8 item 9: a translator clicked Accept on a flag in an approved segment and read "Something went wrong
// (SEGMENT_LOCKED)". The panel offers only what the server would accept in the document's current state.

const AT = '2024-04-22T10:00:00.000Z';

function segment(status: Segment['status']): Segment {
  return {
    id: 's1',
    index: 0,
    source: 'لفتيت يبحث مع نظيره',
    target: 'Lafetet discute avec son homologue',
    version: 3,
    status,
    updatedAt: AT,
    updatedBy: 'tina',
  };
}

function flag(over: Partial<Flag> = {}): Flag {
  return {
    id: 'f1',
    segmentId: 's1',
    side: 'target',
    anchor: { start: 0, end: 7, quote: 'Lafetet', prefix: '', suffix: ' discute avec son homologue' },
    quote: 'Lafetet',
    orphaned: false,
    category: 'fluency/spelling',
    severity: 'minor',
    correction: 'Laftit',
    comment: '',
    status: 'open',
    reason: null,
    comments: [],
    version: 1,
    createdBy: 'rémi',
    createdAt: AT,
    updatedBy: 'rémi',
    updatedAt: AT,
    ...over,
  };
}

function renderPanel(opts: {
  roles: Role[];
  segmentStatus?: Segment['status'];
  documentStatus?: DocumentState['status'];
  flag?: Partial<Flag>;
}) {
  const segments = [segment(opts.segmentStatus ?? 'translated')];
  const flags = [flag(opts.flag)];
  const doc: DocumentState = {
    id: 'd1',
    title: 'Laftit reçoit Darmanin',
    sourceLang: 'ar',
    targetLang: 'fr',
    createdAt: AT,
    createdBy: 'ada',
    updatedAt: AT,
    status: opts.documentStatus ?? 'in-review',
    statusReason: null,
    seq: 10,
    segments,
    flags,
  };
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The workspace has loaded the document; the panel reads its status from that cache.
  qc.setQueryData(documentQueries.detail(doc.id).queryKey, loaded(doc));
  qc.setQueryData(
    ['users', 'directory'],
    [
      { id: 'u1', login: 'rémi', displayName: 'Rémi Reviewer' },
      { id: 'u2', login: 'tina', displayName: 'Tina Übersetzer' },
    ],
  );
  render(
    <QueryClientProvider client={qc}>
      <FlagPanel
        docId={doc.id}
        me="tina"
        can={(p: Permission) => roleCan(opts.roles, p)}
        flags={flags}
        segments={segments}
        sourceLang="ar"
        targetLang="fr"
        activeFlagId={undefined}
        busyFlagId={undefined}
        onGoTo={() => {}}
        onAction={() => {}}
      />
    </QueryClientProvider>,
  );
  const item = screen.getByRole('listitem', { name: 'Go to flag 1 in segment 1' });
  const buttons = () =>
    within(item)
      .queryAllByRole('button')
      .map((b) => b.textContent)
      .filter((name) => ['Accept', 'Dispute', 'Resolve', 'Reject', 'Withdraw', 'Maintain'].includes(name ?? ''));
  return { item, buttons: buttons() };
}

const SEGMENT_LOCKED = 'This segment is approved: its text is locked until an editor reopens it.';
const DOCUMENT_LOCKED = 'This document is approved: nothing in it can change until an editor reopens it.';

describe('FlagPanel: actions the state allows', () => {
  it('offers a translator Accept and Dispute on an open flag in a segment being worked on', () => {
    const { item, buttons } = renderPanel({ roles: ['translator'] });
    expect(buttons).toEqual(['Accept', 'Dispute']);
    expect(item).not.toHaveTextContent(SEGMENT_LOCKED);
  });

  it('hides Accept on a flag in an approved segment (the text is locked), and says why', () => {
    const { item, buttons } = renderPanel({ roles: ['translator'], segmentStatus: 'approved' });
    expect(buttons).toEqual(['Dispute']);
    expect(item).toHaveTextContent(SEGMENT_LOCKED);
  });

  it('still offers Accept on a source-side flag in an approved segment: it changes no text', () => {
    const { buttons } = renderPanel({
      roles: ['translator'],
      segmentStatus: 'approved',
      flag: { side: 'source', anchor: { start: 0, end: 5, quote: 'لفتيت', prefix: '', suffix: '' }, quote: 'لفتيت' },
    });
    expect(buttons).toEqual(['Accept', 'Dispute']);
  });

  it('offers no flag action at all in an approved document, and says why', () => {
    for (const roles of [['translator'], ['reviewer'], ['admin']] as Role[][]) {
      const { item, buttons } = renderPanel({ roles, documentStatus: 'approved' });
      expect(buttons, roles.join()).toEqual([]);
      expect(item).toHaveTextContent(DOCUMENT_LOCKED);
      cleanup();
    }
  });

  it('says nothing about locks to someone who could not act anyway', () => {
    const { item, buttons } = renderPanel({ roles: ['viewer'], documentStatus: 'approved' });
    expect(buttons).toEqual([]);
    expect(item).not.toHaveTextContent(DOCUMENT_LOCKED);
  });

  it('lets a reviewer settle an open flag in an approved segment (the server allows it)', () => {
    const { buttons } = renderPanel({ roles: ['reviewer'], segmentStatus: 'approved' });
    expect(buttons).toEqual(['Resolve', 'Reject', 'Withdraw']);
  });
});

// F6: a card read "Accepted · by Rolf Reviewer" when the translator had accepted the reviewer's flag.
describe('FlagPanel: who did what', () => {
  it('names who accepted the flag, and its author apart', () => {
    const { item } = renderPanel({ roles: ['reviewer'], flag: { status: 'accepted', updatedBy: 'tina', version: 2 } });
    expect(item).toHaveTextContent('Accepted by Tina Übersetzer · flagged by Rémi Reviewer');
  });

  it('an open flag names only its author', () => {
    const { item } = renderPanel({ roles: ['reviewer'] });
    expect(item).toHaveTextContent('Open · flagged by Rémi Reviewer');
    expect(item).not.toHaveTextContent('Tina');
  });
});
