import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import { isolated } from './isolated';

describe('isolated', () => {
  it('puts each piece of people’s text in its own <bdi dir="auto">, in the translated sentence', () => {
    const t = i18n.getFixedT('en', 'workspace');
    const reason = 'الصحراء here is the Sahara, not the desert';
    const { container } = render(<p>{isolated((slot) => t('panel.reason', { reason: slot(reason) }))}</p>);
    expect(container.textContent).toBe(`Reason: ${reason}`);
    const bdi = container.querySelector('bdi')!;
    expect(bdi).toHaveAttribute('dir', 'auto');
    expect(bdi.textContent).toBe(reason);
  });

  it('keeps several slots apart, in the order the language puts them', () => {
    const t = i18n.getFixedT('ar', 'admin');
    const { container } = render(
      <p>{isolated((slot) => t('create.created', { name: slot('Camille'), login: slot('camille') }))}</p>,
    );
    expect([...container.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['Camille', 'camille']);
    expect(container.textContent).toBe('يمكن لـCamille الآن تسجيل الدخول باسم «camille».');
  });
});
