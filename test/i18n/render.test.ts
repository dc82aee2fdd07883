import { describe, expect, it } from 'vitest';
import { createI18n, renderTemplate } from '../../src/i18n/index.js';

const i18n = createI18n({
  nl: {
    common: {
      a: '{{m, hours}} op {{d, day}}: {{what}}',
      line: '• {{type}}: {{m, hours}}',
      t: 'Vrije tijd',
      list: 'Uren:\n{{lines}}',
    },
  },
  ar: { common: { a: '{{m, hours}} {{d, day}}' } },
  en: { common: { a: '{{m, hours}} on {{d, day}}: {{what}}', t: 'Free time' } },
} as never);

describe('rendering', () => {
  it('formats hours and days per language, with Latin digits', () => {
    expect(i18n.t('nl', 'common:a', { m: 150, d: '2026-11-17', what: 'x' })).toBe('2,5 uur op di 17/11: x');
    expect(i18n.t('en', 'common:a', { m: 60, d: '2026-11-17', what: 'x' })).toBe('1 hr on Tue, 17/11: x');
    expect(i18n.t('ar', 'common:a', { m: 120, d: '2026-11-17' })).toMatch(/^2 .* 17/);
  });

  it("renders nested text parameters in the reader's language, one per line for lists", () => {
    const line = (m: number) => ({ $t: 'common:line', params: { type: { $t: 'common:t' }, m } });
    expect(
      renderTemplate(i18n, { key: 'common:list', params: { lines: [line(60), line(90)] } }, 'nl').text,
    ).toBe('Uren:\n• Vrije tijd: 1 uur\n• Vrije tijd: 1,5 uur');
    expect(
      renderTemplate(
        i18n,
        { key: 'common:a', params: { m: 60, d: '2026-11-17', what: { $t: 'common:t' } } },
        'en',
      ).text,
    ).toBe('1 hr on Tue, 17/11: Free time');
  });

  it('uses literal labels for choices that carry a text instead of a key', () => {
    const out = renderTemplate(
      i18n,
      {
        key: 'common:t',
        choices: [
          { value: 'p7', text: 'Sara' },
          { value: 'x', label: 'common:t' },
        ],
      },
      'nl',
    );
    expect(out.choices).toEqual([
      { value: 'p7', label: 'Sara' },
      { value: 'x', label: 'Vrije tijd' },
    ]);
  });
});
