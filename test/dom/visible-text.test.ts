import { describe, expect, it } from 'vitest';
import { captureNote } from '../../utils/content/capture/capture';
import { extractText, rangeFor } from '../../utils/content/capture/dom-text';
import {
  clipPathHides,
  clipRectHides,
  contrast,
  createProbe,
  parseColor,
  transformHides,
} from '../../utils/content/capture/visibility';
import { highlightSpans } from '../../utils/content/capture/highlight';

const VISIBLE = 'Assessment: essential hypertension, stable on lisinopril.';
const HIDDEN = 'Chronic obstructive pulmonary disease with acute exacerbation.';

function page(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body;
}

/** Every way a page hides text from the coder that a style tells (geometry-only cases run in the e2e suite). */
const TECHNIQUES: [string, string][] = [
  ['display none', `<p style="display:none">${HIDDEN}</p>`],
  ['visibility hidden', `<p style="visibility:hidden">${HIDDEN}</p>`],
  ['font-size 0', `<p style="font-size:0">${HIDDEN}</p>`],
  ['font-size 1px', `<p style="font-size:1px">${HIDDEN}</p>`],
  ['opacity 0', `<div style="opacity:0"><p>${HIDDEN}</p></div>`],
  ['off-screen positioning', `<p style="position:absolute;left:-10000px">${HIDDEN}</p>`],
  ['clip rect', `<p style="position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden">${HIDDEN}</p>`],
  ['clip-path inset', `<p style="clip-path:inset(50%)">${HIDDEN}</p>`],
  ['clip-path circle 0', `<p style="clip-path:circle(0)">${HIDDEN}</p>`],
  ['zero height, overflow hidden', `<div style="height:0;overflow:hidden"><p>${HIDDEN}</p></div>`],
  ['aria-hidden container', `<div aria-hidden="true" role="tooltip"><p>${HIDDEN}</p></div>`],
  ['white on white', `<div style="background:#ffffff"><p style="color:#ffffff">${HIDDEN}</p></div>`],
  ['white on the default white page', `<p style="color:rgb(254, 254, 254)">${HIDDEN}</p>`],
  ['transparent colour', `<p style="color:transparent">${HIDDEN}</p>`],
  ['text-indent off the page', `<p style="text-indent:-9999px;overflow:hidden">${HIDDEN}</p>`],
  ['scaled to nothing', `<p style="transform:scale(0)">${HIDDEN}</p>`],
  ['closed details', `<details><summary>More</summary><p>${HIDDEN}</p></details>`],
  ['hidden attribute', `<p hidden>${HIDDEN}</p>`],
];

describe('only what the coder can see is captured', () => {
  for (const [name, markup] of TECHNIQUES) {
    it(`excludes text hidden by ${name}`, () => {
      const root = page(`<main><h3>Visit</h3><p>${VISIBLE}</p>${markup}<p>Plan: recheck in 3 months.</p></main>`);
      const text = extractText(root).text;
      expect(text).toContain(VISIBLE);
      expect(text).toContain('Plan: recheck in 3 months.');
      expect(text).not.toContain('pulmonary');
    });
  }

  it('the control: the same statement shown is captured (so the cases above are not vacuous)', () => {
    const root = page(`<main><p>${VISIBLE}</p><p style="color:#333;background:#fff">${HIDDEN}</p></main>`);
    expect(extractText(root).text).toContain(HIDDEN);
  });

  it('a visible child of a visibility:hidden parent, and a sized child of a font-size:0 row, are seen', () => {
    const root = page(
      `<div style="visibility:hidden">Hidden words <p style="visibility:visible">${VISIBLE}</p></div><div style="font-size:0"><span style="font-size:14px">Plan: recheck in 3 months.</span></div>`,
    );
    const text = extractText(root).text;
    expect(text).toContain(VISIBLE);
    expect(text).toContain('Plan: recheck in 3 months.');
    expect(text).not.toContain('Hidden words');
  });

  it('dark text on a dark panel is seen; dark text on a light panel is seen', () => {
    const root = page(
      `<div style="background:#111"><p style="color:#eee">${VISIBLE}</p></div><div style="background:rgb(250,250,250)"><p style="color:#222">Plan: recheck in 3 months.</p></div>`,
    );
    expect(extractText(root).text).toBe(`${VISIBLE}\nPlan: recheck in 3 months.`);
  });

  it('the heuristic never picks a long hidden list over the visible note', () => {
    const problems = Array.from(
      { length: 40 },
      (_, i) => `<li>Problem ${i}: chronic kidney disease stage 4, congestive heart failure</li>`,
    ).join('');
    page(
      `<nav>Home Schedule Inbox</nav><div id="tab-dashboard" style="display:none"><ul>${problems}</ul></div><div id="tab-encounter"><p>${VISIBLE}</p><p>Plan: recheck in 3 months.</p></div>`,
    );
    const c = captureNote(document, undefined)!;
    expect(c.text).toBe(`${VISIBLE}\nPlan: recheck in 3 months.`);
    page(
      `<div id="a" style="opacity:0"><ul>${problems}</ul></div><div id="b"><p>${VISIBLE}</p><p>Plan: recheck in 3 months.</p></div>`,
    );
    expect(captureNote(document, undefined)!.text).not.toContain('kidney');
  });

  it('a hidden note field is not read', () => {
    page(`<textarea style="display:none">${HIDDEN} ${HIDDEN}</textarea><main><p>${VISIBLE}</p></main>`);
    expect(captureNote(document, undefined)!.text).toBe(VISIBLE);
  });
});

describe('line breaks the page shows', () => {
  it('white-space: pre-line keeps the note’s lines (a saved note rendered by a React EHR) and trims spaces at line ends', () => {
    const root = page(
      '<div class="note" style="white-space: pre-line">Chief complaint: cough   \n   HPI: three days of cough.\n\nAssessment:\nAcute bronchitis.</div>',
    );
    expect(extractText(root).text).toBe(
      'Chief complaint: cough\nHPI: three days of cough.\n\nAssessment:\nAcute bronchitis.',
    );
  });

  it('white-space: pre-wrap keeps spaces and line breaks; normal collapses them', () => {
    const root = page('<p style="white-space:pre-wrap">Plan:  rest\r\nfluids</p><p>one\ntwo   three</p>');
    expect(extractText(root).text).toBe('Plan:  rest\nfluids\none two three');
  });

  it('block elements give line breaks; a <br> gives one; inline elements none', () => {
    const root = page(
      '<div>Assessment<br>Acute <b>bronchitis</b>.</div><section><span>Plan</span><span>: rest</span></section>',
    );
    expect(extractText(root).text).toBe('Assessment\nAcute bronchitis.\nPlan: rest');
  });

  it('offsets still map into the DOM across kept line breaks', () => {
    const root = page('<p style="white-space:pre-line">Assessment:  \n  Acute bronchitis.</p>');
    const ex = extractText(root);
    const at = ex.text.indexOf('Acute bronchitis');
    expect(rangeFor(ex, at, at + 16)!.toString()).toBe('Acute bronchitis');
  });
});

describe('invisible characters and look-alike letters inside words', () => {
  it('zero-width spaces, soft hyphens and Cyrillic look-alikes are normalised; the offset map still points at the page text', () => {
    const root = page(
      '<p>Type 2 dia\u200Bbetes mellitus. Essential hyper\u00ADtension. Diаbetic retinopathy (Cyrillic а). Code Е11.9 noted.</p>',
    );
    const ex = extractText(root);
    expect(ex.text).toBe(
      'Type 2 diabetes mellitus. Essential hypertension. Diabetic retinopathy (Cyrillic а). Code E11.9 noted.',
    );
    const at = ex.text.indexOf('diabetes mellitus');
    expect(rangeFor(ex, at, at + 'diabetes mellitus'.length)!.toString()).toBe('dia\u200Bbetes mellitus');
    const h = ex.text.indexOf('hypertension');
    expect(rangeFor(ex, h, h + 'hypertension'.length)!.toString()).toBe('hyper\u00ADtension');
    const d = ex.text.indexOf('Diabetic');
    expect(rangeFor(ex, d, d + 8)!.toString()).toBe('Diаbetic');
  });

  it('a whole word in another script is left alone', () => {
    expect(extractText(page('<p>Пациент: кашель, температура.</p>')).text).toBe('Пациент: кашель, температура.');
  });

  it('in a textarea the evidence selection skips the invisible characters correctly', () => {
    page('<textarea>Plan: continue met\u200Bformin for type 2 dia\u00ADbetes mellitus.</textarea>');
    const c = captureNote(document, undefined)!;
    expect(c.text).toBe('Plan: continue metformin for type 2 diabetes mellitus.');
    const at = c.text.indexOf('diabetes mellitus');
    highlightSpans(document, c, [{ start: at, end: at + 'diabetes mellitus'.length }], false);
    const t = document.querySelector('textarea')!;
    expect(t.value.slice(t.selectionStart, t.selectionEnd)).toBe('dia\u00ADbetes mellitus');
  });
});

describe('visibility helpers', () => {
  it('parses computed colours and measures contrast', () => {
    expect(parseColor('rgb(255, 255, 255)')).toEqual([255, 255, 255, 1]);
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('#fff')).toEqual([255, 255, 255, 1]);
    expect(parseColor('color(srgb 1 1 1)')).toBeUndefined();
    expect(contrast([255, 255, 255, 1], [0, 0, 0, 1])).toBeCloseTo(21, 0);
    expect(contrast([238, 238, 238, 1], [255, 255, 255, 1])).toBeLessThan(1.2);
  });

  it('clip, clip-path and transform that leave nothing', () => {
    expect(clipRectHides('rect(0px, 0px, 0px, 0px)')).toBe(true);
    expect(clipRectHides('rect(1px 1px 1px 1px)')).toBe(true);
    expect(clipRectHides('rect(0px, 200px, 100px, 0px)')).toBe(false);
    expect(clipPathHides('inset(50%)')).toBe(true);
    expect(clipPathHides('inset(0px 0px 0px 0px)', 200, 100)).toBe(false);
    expect(clipPathHides('inset(0px 100px 0px 100px)', 200, 100)).toBe(true);
    expect(clipPathHides('circle(0px at 50% 50%)')).toBe(true);
    expect(clipPathHides('circle(40%)', 200, 100)).toBe(false);
    expect(clipPathHides('polygon(0px 0px, 0px 0px, 0px 0px)', 200, 100)).toBe(true);
    expect(clipPathHides('polygon(0% 0%, 100% 0%, 100% 100%)', 200, 100)).toBe(false);
    expect(transformHides('matrix(0, 0, 0, 0, 0, 0)')).toBe(true);
    expect(transformHides('matrix(1, 0, 0, 1, 10, 0)')).toBe(false);
    expect(transformHides('scale(0)')).toBe(true);
    expect(transformHides('scale(1.5)')).toBe(false);
  });

  it('with a layout, a box off the page or of zero size with clipped overflow is hidden (geometry stubbed: happy-dom has none)', () => {
    page(
      `<div id="off" style="position:absolute">${HIDDEN}</div><div id="flat" style="overflow:hidden">${HIDDEN}</div><div id="ok" style="position:relative">${VISIBLE}</div>`,
    );
    const rect = (x: number, y: number, w: number, h: number) => () =>
      ({ x, y, left: x, top: y, width: w, height: h, right: x + w, bottom: y + h, toJSON: () => ({}) }) as DOMRect;
    document.documentElement.getBoundingClientRect = rect(0, 0, 1024, 768);
    document.getElementById('off')!.getBoundingClientRect = rect(-5000, 10, 400, 20);
    document.getElementById('flat')!.getBoundingClientRect = rect(0, 40, 400, 0);
    document.getElementById('ok')!.getBoundingClientRect = rect(0, 60, 400, 20);
    const probe = createProbe(document);
    expect(probe.layout).toBe(true);
    expect(probe.hiddenReason(document.getElementById('off')!)).toBe('off the page');
    expect(probe.hiddenReason(document.getElementById('flat')!)).toBe('zero size, overflow clipped');
    expect(probe.hiddenReason(document.getElementById('ok')!)).toBeUndefined();
    delete (document.documentElement as { getBoundingClientRect?: unknown }).getBoundingClientRect;
  });
});
