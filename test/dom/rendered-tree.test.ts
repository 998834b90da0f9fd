import { describe, expect, it } from 'vitest';
import { extractText } from '../../utils/content/capture/dom-text';
import { firstSummary, renderedChildren, renderedParent } from '../../utils/content/capture/rendered-tree';
import { createProbe } from '../../utils/content/capture/visibility';

/**
 * The rendered tree is shared by the text walk (down) and the visibility probe (up): these pin the
 * cases where the two must agree and that the older suites do not reach (a closed <details> with
 * two summaries or a summary after other content, the `scale` property, a slot inside a hidden
 * part of a shadow root, text painted out of the flow).
 */
function page(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body;
}

describe('closed <details>: the first summary only', () => {
  it('the walk and the probe both keep the first summary and drop a second one and the body', () => {
    const root = page(
      '<details><p>Body text.</p><summary>First summary</summary><summary>Second summary</summary></details>',
    );
    const details = root.querySelector('details')!;
    const [first, second] = Array.from(root.querySelectorAll('summary'));
    expect(firstSummary(details)).toBe(first);
    expect(renderedChildren(details)).toEqual([first]);
    expect(extractText(root).text).toBe('First summary');
    const probe = createProbe(document);
    expect(probe.hiddenReason(first!)).toBeUndefined();
    expect(probe.hiddenReason(second!)).toBe('closed details');
    expect(probe.hiddenReason(root.querySelector('p')!)).toBe('closed details');
  });

  it('open, everything is read; with no summary, nothing', () => {
    const open = page('<details open><summary>Summary</summary><p>Body text.</p></details>');
    expect(extractText(open).text).toBe('Summary\nBody text.');
    const bare = page('<details><p>Body text.</p></details>');
    expect(renderedChildren(bare.querySelector('details')!)).toEqual([]);
    expect(extractText(bare).text).toBe('');
  });
});

describe('shadow roots and slots, down and up', () => {
  it('a slotted node’s parent is its slot, a shadow child’s is the host; a slot in a hidden part hides it', () => {
    const root = page('<x-card><span slot="s">Slotted words.</span><b>Light words.</b></x-card>');
    const host = root.querySelector('x-card')!;
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<p>Shadow words.</p><p><slot name="s"></slot></p><div style="display:none"><slot></slot></div>';
    const [named, unnamed] = Array.from(host.shadowRoot!.querySelectorAll('slot'));
    const [slotted, light] = [root.querySelector('span')!, root.querySelector('b')!];
    // happy-dom 21 has no Element.assignedSlot: set what a browser reports for these two nodes.
    Object.defineProperty(slotted, 'assignedSlot', { value: named });
    Object.defineProperty(light, 'assignedSlot', { value: unnamed });
    expect(renderedParent(slotted)).toBe(named);
    expect(renderedParent(host.shadowRoot!.querySelector('p')!)).toBe(host);
    const probe = createProbe(document);
    expect(probe.shown(slotted)).toBe(true);
    expect(probe.shown(light)).toBe(false);
    expect(extractText(root).text).toBe('Shadow words.\nSlotted words.');
  });
});

describe('the probe’s style rules that moved out of it', () => {
  it('the `scale` property hides at 0 (whatever the second factor), not at 0.5', () => {
    const root = page('<p style="scale:0 1">Zero.</p><p style="scale:0.5">Half.</p>');
    const [zero, half] = Array.from(root.querySelectorAll('p'));
    const probe = createProbe(document);
    expect(probe.hiddenReason(zero!)).toBe('scaled to nothing');
    expect(probe.hiddenReason(half!)).toBeUndefined();
    expect(extractText(root).text).toBe('Half.');
  });

  it('near-white text in the flow on white is unreadable; absolute or fixed, what is behind it is unknown', () => {
    const root = page(
      ['relative', 'absolute', 'fixed']
        .map((p) => `<div style="background:#fff"><p style="position:${p};color:#fefefe">Text ${p}.</p></div>`)
        .join(''),
    );
    const probe = createProbe(document);
    expect(Array.from(root.querySelectorAll('p')).map((p) => probe.textVisible(p))).toEqual([false, true, true]);
  });
});
