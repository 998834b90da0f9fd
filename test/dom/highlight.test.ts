import { describe, expect, it } from 'vitest';
import { captureNote } from '../../utils/content/capture/capture';
import { clearHighlight, highlightSpans } from '../../utils/content/capture/highlight';

describe('evidence highlight', () => {
  it('without the Custom Highlight API it falls back to an overlay in its own closed shadow root, and clears it', () => {
    document.body.innerHTML = '<main><p>Assessment: acute bronchitis. Mild intermittent asthma.</p></main>';
    const c = captureNote(document, undefined)!;
    const at = c.text.indexOf('acute bronchitis');
    expect('highlights' in CSS).toBe(false);
    const r = highlightSpans(document, c, [{ start: at, end: at + 16 }], false);
    expect(r.method).toBe('overlay');
    expect(document.querySelectorAll('chartcoder-overlay')).toHaveLength(1);
    // The EHR's own elements are untouched: the note paragraph has the same markup.
    expect(document.querySelector('main')!.innerHTML).toBe(
      '<p>Assessment: acute bronchitis. Mild intermittent asthma.</p>',
    );
    clearHighlight(document);
    expect(document.querySelectorAll('chartcoder-overlay')).toHaveLength(0);
  });

  it('in a textarea the evidence is selected (form fields have no DOM ranges)', () => {
    document.body.innerHTML = '<textarea>Plan: continue metformin for type 2 diabetes mellitus.</textarea>';
    const c = captureNote(document, undefined)!;
    const at = c.text.indexOf('metformin');
    expect(highlightSpans(document, c, [{ start: at, end: at + 9 }], false).method).toBe('field-selection');
    const t = document.querySelector('textarea')!;
    expect(t.value.slice(t.selectionStart, t.selectionEnd)).toBe('metformin');
  });

  it('no spans: nothing painted', () => {
    document.body.innerHTML = '<p>Assessment: essential hypertension, well controlled on lisinopril.</p>';
    expect(highlightSpans(document, captureNote(document, undefined)!, []).method).toBe('none');
  });
});
