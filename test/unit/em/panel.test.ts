import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { EmPanel } from '../../../components/panel/EmPanel';
import { levelEncounter, type VisitKind } from '../../../lib/em/em';

/** The panel's E/M section: family, level, the three MDM elements with their words, the next level. */
const render = (note: string, kind: VisitKind) =>
  renderToStaticMarkup(
    createElement(EmPanel, {
      em: levelEncounter(note, kind),
      kind,
      kinds: ['new', 'established'],
      accepted: false,
      onKind: () => undefined,
      onAccept: () => undefined,
      onShow: () => undefined,
    }),
  );

const ED =
  'CHIEF COMPLAINT: Headache.\nHPI: A 24-year-old with a known intracranial aneurysm presents to the emergency room with worsening headache.\n' +
  'COURSE IN THE ED: Repeat head CT ordered and reviewed. Morphine 4 mg IV given.\nIMPRESSION: Intracranial aneurysm.\nPLAN: Admission recommended; he left against medical advice.';

describe('EmPanel', () => {
  it('shows the family, the level, each MDM element with its words, and the next level', () => {
    const html = render('ASSESSMENT: Type 2 diabetes, not at goal.\nPLAN: Increase metformin to 1000 mg twice daily.', 'established');
    expect(html).toContain('Levelled as: office or outpatient visit, established patient');
    expect(html).toContain('99214');
    expect(html).toMatch(/problems: <strong>moderate<\/strong>/);
    expect(html).toMatch(/risk: <strong>moderate<\/strong>.*prescription drug management/);
    expect(html).toContain('“metformin');
    expect(html).toMatch(/Next level: 99215 needs/);
  });

  it('says what the note reads as when the chosen family differs', () => {
    const html = render(ED, 'established');
    expect(html).toContain('the note reads as emergency department visit');
  });

  it('says why there is nothing to level', () => {
    const html = render('', 'established');
    expect(html).toContain('No E/M level: the text is empty');
    expect(html).not.toContain('Add to summary');
  });
});
