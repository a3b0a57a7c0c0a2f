import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../lib/user-directory';
import { MentionInput } from './mention-input';

const PEOPLE: Person[] = [{ id: 'u1', login: 'amina', displayName: 'Amina' } as Person];

function Box() {
  const [value, setValue] = useState('');
  const [chosen, setChosen] = useState<Person[]>([]);
  return (
    <MentionInput
      id="r"
      label="Reply"
      value={value}
      people={PEOPLE}
      chosen={chosen}
      onChange={(text, c) => {
        setValue(text);
        setChosen(c);
      }}
    />
  );
}

describe('MentionInput', () => {
  it('puts the caret after the chosen name at once, so the next keys follow it', () => {
    render(<Box />);
    const box = screen.getByRole<HTMLTextAreaElement>('combobox', { name: 'Reply' });
    box.focus();
    // Words after the caret: setting the new text alone would leave the caret at the end.
    fireEvent.change(box, { target: { value: 'Merci @Ami, à toi', selectionStart: 10, selectionEnd: 10 } });
    act(() => {
      fireEvent.mouseDown(screen.getByRole('option', { name: 'Amina' }));
    });
    expect(box.value).toBe('Merci @Amina , à toi');
    // No frame has passed: a key typed now lands here.
    expect(box.selectionStart).toBe('Merci @Amina '.length);
  });
});
