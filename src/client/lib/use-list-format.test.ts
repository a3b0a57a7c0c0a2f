import { describe, expect, it } from 'vitest';
import { listFormat } from './use-list-format';

// The roles in the header were joined with ", " in every language: "مترجم, مراجع" in Arabic.
describe('listFormat', () => {
  it('joins the language’s way: English commas, French "et", Arabic "و"', () => {
    expect(listFormat('en').format(['translator', 'reviewer', 'editor'])).toBe('translator, reviewer, and editor');
    expect(listFormat('fr').format(['traducteur', 'réviseur', 'éditeur'])).toBe('traducteur, réviseur et éditeur');
    expect(listFormat('ar').format(['مترجم', 'مراجع', 'محرّر'])).toBe('مترجم ومراجع ومحرّر');
  });
});
