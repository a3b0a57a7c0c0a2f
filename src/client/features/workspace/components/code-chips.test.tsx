import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InlineCodes } from '../../../../shared/inline-codes';
import { ChipText, codeMarkup } from './code-chips';
import { DiffView } from './diff-view';

const codes: InlineCodes = {
  '\ue000': {
    kind: 'open',
    xml: '<pc xmlns="urn:oasis:names:tc:xliff:document:2.0" id="1"/>',
    key: 'pc#1',
    name: 'pc',
    id: '1',
    pair: '\ue001',
  },
  '\ue001': { kind: 'close', xml: '</pc>', key: 'pc#1/', name: 'pc', id: '1', pair: '\ue000' },
};

describe('code chips', () => {
  it('wrap each code character, keeping the text exactly (the backdrop stays aligned with the textarea)', () => {
    const { container } = render(<ChipText text={'a \ue000b\ue001 c'} codes={codes} />);
    expect(container.textContent).toBe('a \ue000b\ue001 c');
    const chips = container.querySelectorAll('.code-chip');
    expect([...chips].map((c) => c.getAttribute('data-code'))).toEqual(['<pc 1>', '</pc>']);
  });

  it('show the markup without namespace declarations', () => {
    expect(codeMarkup(codes['\ue000']!.xml)).toBe('<pc id="1"/>');
  });

  // The history and the replace preview showed codes as bare private-use characters (empty boxes).
  it('in a diff (history, replace preview), as chips naming their markup, deleted or inserted ones too', () => {
    const { container } = render(
      <DiffView
        before={'Die \ue000Einstellungen\ue001.'}
        after={'Die \ue000Optionen\ue001.'}
        lang="de"
        dir="ltr"
        codes={codes}
      />,
    );
    const chips = [...container.querySelectorAll('.diff .code-chip')];
    expect(chips.length).toBeGreaterThanOrEqual(2);
    expect(chips.map((c) => c.getAttribute('title'))).toEqual(expect.arrayContaining(['<pc id="1"/>', '</pc>']));
    expect(container.textContent).toContain('Optionen');
  });
});
