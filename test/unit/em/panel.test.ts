import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { EmPanel } from '../../../components/panel/EmPanel';
import { levelEncounter, type VisitKind } from '../../../lib/em/em';
import type { VisitChoice } from '../../../lib/review';

/** The panel's E/M section: family, level, the three MDM elements with their words, the next level. */
const render = (note: string, visit: VisitChoice) =>
  renderToStaticMarkup(
    createElement(EmPanel, {
      em: levelEncounter(note, visit === 'auto' ? undefined : (visit as VisitKind)),
      visit,
      accepted: false,
      onVisit: () => undefined,
      onAccept: () => undefined,
      onShow: () => undefined,
    }),
  );

const ED =
  'CHIEF COMPLAINT: Headache.\nHPI: A 24-year-old with a known intracranial aneurysm presents to the emergency room with worsening headache.\n' +
  'COURSE IN THE ED: Repeat head CT ordered and reviewed. Morphine 4 mg IV given.\nIMPRESSION: Intracranial aneurysm.\nPLAN: Admission recommended; he left against medical advice.';

describe('EmPanel', () => {
  it('shows the family, the level, each MDM element with its words, and the next level', () => {
    const html = render(
      'ASSESSMENT: Type 2 diabetes, not at goal.\nPLAN: Increase metformin to 1000 mg twice daily.',
      'established',
    );
    expect(html).toContain('Family: <strong>office or outpatient visit, established patient</strong>');
    expect(html).toContain('99214');
    expect(html).toMatch(/Problems addressed: <strong>moderate<\/strong>/);
    expect(html).toMatch(/Risk of patient management: <strong>moderate<\/strong>.*prescription drug management/);
    expect(html).toContain('“metformin');
    expect(html).toMatch(/Next level: 99215 needs/);
  });

  it('says what the note reads as when the chosen family differs', () => {
    const html = render(ED, 'established');
    expect(html).toContain('chosen by you; the note reads as emergency department visit');
  });

  it('reads the family from the note by default (auto) and offers every family the CLI offers', () => {
    const html = render(ED, 'auto');
    expect(html).toContain('Family: <strong>emergency department visit</strong> — read from the note');
    expect(html).toContain('<option value="auto" selected="">Read from the note</option>');
    for (const f of [
      'new',
      'established',
      'ed',
      'initial',
      'subsequent',
      'same-day',
      'discharge',
      'office-consult',
      'inpatient-consult',
      'preventive',
    ])
      expect(html).toContain(`<option value="${f}">`);
  });

  it('says why there is nothing to level', () => {
    const html = render('', 'established');
    expect(html).toContain('No E/M level: the text is empty');
    expect(html).not.toContain('Add to summary');
  });
});
