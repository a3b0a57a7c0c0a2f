import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { languageDirection } from '../../../../shared/lang/direction';
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
});
