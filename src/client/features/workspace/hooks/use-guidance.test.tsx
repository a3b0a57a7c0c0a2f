import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MQM_CATEGORIES, SEVERITIES } from '../../../../shared/mqm';
import type { Guidelines } from '../../../../shared/guidelines';
import { documentQueries } from '../../../lib/document-queries';
import i18n from '../../../lib/i18n';
import { GuidanceNote } from '../components/guidance-note';
import { useGuidance, type GuidanceChoice } from './use-guidance';

function Shown({ choice }: { choice: GuidanceChoice }) {
  const guidance = useGuidance('doc');
  return <GuidanceNote id="g" guidance={guidance(choice)} />;
}

function show(choice: GuidanceChoice, guidelines?: Guidelines) {
  const qc = new QueryClient();
  // Only the guidelines are read from the cached document.
  qc.setQueryData(documentQueries.detail('doc').queryKey, { guidelines } as never);
  render(
    <QueryClientProvider client={qc}>
      <Shown choice={choice} />
    </QueryClientProvider>,
  );
  return screen.getByText(/^(When|Quand|متى)/).parentElement!;
}

afterEach(() => act(() => void i18n.changeLanguage('en')));

describe('guidance where a category or severity is chosen', () => {
  it('defaults to MQM’s definitions in our words, with an example, in English, French and Arabic', async () => {
    expect(show({ category: 'fluency/spelling' })).toHaveTextContent(
      'When: A word is misspelt, including names, accents and capitals.Example: “Lafetet” for “Laftit”',
    );
    cleanup();
    await act(() => i18n.changeLanguage('fr'));
    expect(show({ severity: 'major' })).toHaveTextContent(
      // (toHaveTextContent folds the no-break space before the colon into a plain one.)
      /Quand\s: Le sens est changé ou obscur, ou le lecteur serait trompé ou rebuté\./,
    );
    cleanup();
    await act(() => i18n.changeLanguage('ar'));
    expect(show({ severity: 'major' })).toHaveTextContent(
      'متى: تغيّر المعنى أو صار غامضًا، أو قد يُضلَّل القارئ أو يَنفر من النص.مثال: اسم الوزير مكتوب خطأً، أو جملة فرعية محذوفة.',
    );
  });

  it('takes the project’s own definition where its guidelines give one, the default elsewhere', () => {
    const guidelines: Guidelines = {
      text: '',
      categories: { terminology: { definition: 'Use the ministry’s own terms.', example: 'Intérieur' } },
      severities: {},
    };
    expect(show({ category: 'terminology' }, guidelines)).toHaveTextContent('When: Use the ministry’s own terms.');
  });

  it.each(['en', 'fr', 'ar'])('%s: every category and severity has a definition and an example', (lng) => {
    const t = i18n.getFixedT(lng, 'guidelines');
    for (const key of [...MQM_CATEGORIES.map((c) => `categories.${c}`), ...SEVERITIES.map((s) => `severities.${s}`)]) {
      for (const part of ['definition', 'example']) {
        const text = t(`${key}.${part}` as 'title');
        expect(text, `${lng} ${key}.${part}`).not.toBe(`${key}.${part}`);
        expect(text.length).toBeGreaterThan(5);
      }
    }
  });
});
