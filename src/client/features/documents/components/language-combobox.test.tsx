import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { languageDirection } from '../../../../shared/lang/direction';
import { initI18n } from '../../../lib/i18n';
import { LanguageCombobox } from './language-combobox';

function Harness() {
  const [lang, setLang] = useState('fr');
  return (
    <>
      <LanguageCombobox label="Target language" value={lang} onChange={setLang} />
      <textarea aria-label="Translation" lang={lang} dir={languageDirection(lang)} />
      <button type="button">elsewhere</button>
    </>
  );
}

describe('LanguageCombobox', () => {
  it('finds a language by name, picks it with the keyboard, and the text takes its direction', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Target language' });
    expect(box).toHaveValue('French (fr)');
    await user.click(box);
    await user.keyboard('hebr');
    expect(screen.getByRole('listbox')).toBeVisible();
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('Hebrew (he)');
    await user.keyboard('{Enter}');
    expect(box).toHaveValue('Hebrew (he)');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('textbox', { name: 'Translation' })).toHaveAttribute('dir', 'rtl');
    expect(screen.getByRole('textbox', { name: 'Translation' })).toHaveAttribute('lang', 'he');
  });

  it('moves through regional variants with the arrows', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('combobox', { name: 'Target language' }));
    await user.keyboard('ar-m');
    // ar-MA (Moroccan Arabic) is the first option, active; one arrow down is the second.
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options[0]).toMatch(/\(ar-MA\)$/);
    expect(screen.getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('combobox', { name: 'Target language' })).toHaveValue(options[1]);
    expect(screen.getByRole('textbox', { name: 'Translation' })).toHaveAttribute('dir', 'rtl');
  });

  it('takes any valid BCP 47 tag typed in full, listed or not', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Target language' });
    await user.click(box);
    await user.keyboard('SR-latn-me');
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('(sr-Latn-ME)');
    await user.click(screen.getByRole('button', { name: 'elsewhere' }));
    expect((box as HTMLInputElement).value).toMatch(/\(sr-Latn-ME\)$/);
    expect(screen.getByRole('textbox', { name: 'Translation' })).toHaveAttribute('dir', 'ltr');
  });

  it('says so when the text is no language, and keeps the last one', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Target language' });
    await user.click(box);
    await user.keyboard('klingon!!');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/^Not a language/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'elsewhere' }));
    expect(box).toHaveValue('French (fr)');
  });

  it.each([
    ['German', 'German (de)', 'de'],
    ['Japanese', 'Japanese (ja)', 'ja'],
    ['Chinese', 'Chinese (zh)', 'zh'],
    ['Deutsch', 'German (de)', 'de'], // the language's own name
    ['日本語', 'Japanese (ja)', 'ja'],
    ['Portuguese (Brazil)', '(pt-BR)', 'pt-BR'], // the standard form of the list's regional name
  ])('a name typed in full, then Enter, picks its language: %s', async (typed, first, tag) => {
    const user = userEvent.setup();
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Target language' });
    await user.click(box);
    await user.keyboard(typed);
    expect(screen.getAllByRole('option')[0]).toHaveTextContent(first);
    expect(screen.queryByRole('option', { name: new RegExp(`\\(${typed.toLowerCase()}\\)`) })).toBeNull();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Translation' })).toHaveAttribute('lang', tag);
  });

  it('a name in the interface language finds the language too (French UI: "allemand")', async () => {
    const i18n = initI18n();
    await i18n.changeLanguage('fr');
    try {
      const user = userEvent.setup();
      render(<Harness />);
      await user.click(screen.getByRole('combobox', { name: 'Target language' }));
      await user.keyboard('allemand{Enter}');
      expect(screen.getByRole('textbox', { name: 'Translation' })).toHaveAttribute('lang', 'de');
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it.each(['xx', 'qqq', 'german language'])(
    'Enter on text that is no known language tag is refused with a message, not taken: %s',
    async (typed) => {
      const user = userEvent.setup();
      render(<Harness />);
      const box = screen.getByRole('combobox', { name: 'Target language' });
      await user.click(box);
      await user.keyboard(`${typed}{Enter}`);
      expect(box).toHaveValue(typed);
      expect(box).toHaveFocus();
      expect(box).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByText(/^Not a language/)).toBeVisible();
      expect(screen.getByRole('textbox', { name: 'Translation' })).toHaveAttribute('lang', 'fr');
    },
  );
});
