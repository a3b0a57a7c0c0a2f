import type { ReactNode } from 'react';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = /\uE000(\d+)\uE001/;

/**
 * A translated sentence with people's text in it (a name, a reason, a title), each piece of that text in
 * its own <bdi dir="auto">: its direction comes from its own first letter and it cannot reorder the words
 * around it, so "Reason: الصحراء here is the Sahara, not the desert" reads right in any interface language.
 *
 *   isolated((slot) => t('panel.reason', { reason: slot(flag.reason) }))
 */
export function isolated(render: (slot: (text: string) => string) => string): ReactNode[] {
  const texts: string[] = [];
  const out = render((text) => `${OPEN}${texts.push(text) - 1}${CLOSE}`);
  return out.split(SLOT).map((part, i) =>
    i % 2 === 1 ? (
      <bdi key={i} dir="auto">
        {texts[Number(part)]}
      </bdi>
    ) : (
      part
    ),
  );
}
