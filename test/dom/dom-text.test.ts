import { describe, expect, it } from 'vitest';
import { domPosition, extractText, rangeFor } from '../../utils/content/capture/dom-text';

function html(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body;
}

describe('rendered text with an offset map back to the DOM', () => {
  it('puts blocks on their own lines, collapses white space, skips scripts and hidden parts', () => {
    const root = html(`<h3>Assessment</h3>
      <p>Type 2   diabetes
         mellitus.</p><script>var x = 1;</script><p hidden>secret</p><div style="display:none">gone</div><p>Plan: <b>metformin</b>.</p>`);
    expect(extractText(root).text).toBe('Assessment\nType 2 diabetes mellitus.\nPlan: metformin.');
  });

  it('maps every captured offset back to the same characters in the DOM (collapsed white space included)', () => {
    const root = html('<p>Chronic   kidney\n  disease, <i>stage 3a</i>.</p>');
    const ex = extractText(root);
    const at = ex.text.indexOf('kidney disease');
    const range = rangeFor(ex, at, at + 'kidney disease'.length)!;
    expect(range.toString().replace(/\s+/g, ' ')).toBe('kidney disease');
    const s3 = ex.text.indexOf('stage 3a');
    expect(rangeFor(ex, s3, s3 + 8)!.toString()).toBe('stage 3a');
    const pos = domPosition(ex, s3)!;
    expect(pos.node.data.slice(pos.offset)).toBe('stage 3a');
  });

  it('reads open shadow roots and slotted content as rendered', () => {
    const root = html('<div id="host"><span slot="s">slotted words</span></div>');
    const host = root.querySelector('#host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Inside shadow.</p><p><slot name="s"></slot></p>';
    const text = extractText(root).text;
    expect(text).toContain('Inside shadow.');
    expect(text).toContain('slotted words');
  });

  it('stops at the limits on hostile markup and says it was truncated (bounded time)', () => {
    const root = html('');
    let el: HTMLElement = root;
    for (let i = 0; i < 3000; i++) {
      const d = document.createElement('div');
      d.textContent = 'x ';
      el.appendChild(d);
      el = d;
    }
    const ex = extractText(root, { maxChars: 1000, maxNodes: 500 });
    expect(ex.truncated).toBe(true);
    expect(ex.text.length).toBeLessThanOrEqual(1000);
    // Building 3,000 nested elements in happy-dom alone can take seconds on a loaded machine.
  }, 30_000);

  it('never runs page markup: text that looks like HTML stays text', () => {
    const root = html('<p>&lt;img src=x onerror=alert(1)&gt; chest pain</p>');
    expect(extractText(root).text).toBe('<img src=x onerror=alert(1)> chest pain');
  });
});
