import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CodeSearch } from '../../components/panel/CodeSearch';
import { ModifiersInput } from '../../components/panel/ModifiersInput';
import { SpotAuditPanel } from '../../components/panel/SpotAuditPanel';
import { SuggestionList } from '../../components/panel/SuggestionList';
import { SummaryView } from '../../components/panel/SummaryView';
import { loadPack, type CodePack } from '../../lib/pack/code-pack';
import { compilePack } from '../../lib/pack/compile';
import { NoteAnalyzer } from '../../lib/suggest/analyze';
import type { Suggestion } from '../../lib/suggest/schema';
import { fixtureInputs } from '../helpers/fixtures';

/*
 * The side panel's views on a pack compiled from the FY2026 fixtures with the CMS-HCC 2026 (V28)
 * mapping fixture: E11.22 maps to HCC 37, I10 to none.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const DOS = '2026-03-01';
const HCC_37 = /^HCC 37: Diabetes with Chronic Complications$/i;
let pack: CodePack;
let noHcc: CodePack;
let suggestions: Suggestion[];

beforeAll(async () => {
  pack = loadPack((await compilePack(fixtureInputs('fy2026', 'hcc', 'hcpcs'))).bytes);
  noHcc = loadPack((await compilePack(fixtureInputs('fy2026', 'hcpcs'))).bytes);
  const analyzer = new NoteAnalyzer(pack);
  const read = (note: string) => analyzer.analyze(note, { setting: 'office', dateOfService: DOS }).suggestions;
  suggestions = [
    ...read('Assessment: Type 2 diabetes with diabetic chronic kidney disease.'),
    ...read('Essential hypertension.'),
  ];
}, 60_000);

let root: Root | undefined;
let host: HTMLElement | undefined;
function render(component: ReactElement) {
  const el = document.createElement('div');
  document.body.append(el);
  host = el;
  root = createRoot(el);
  act(() => root!.render(component));
  return el;
}
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = undefined;
});

/** The HCC tag in the row of `code` (undefined when the row shows none). */
const hccIn = (row: Element | null) => row?.querySelector('[data-hcc]')?.textContent ?? undefined;

const list = (p: CodePack | undefined, items = suggestions) => (
  <SuggestionList
    title="Diagnoses"
    items={items}
    decisions={{}}
    pack={p}
    onDecide={() => undefined}
    onFocusItem={() => undefined}
  />
);

describe('CMS-HCC V28 category of each suggested diagnosis', () => {
  it('the analyzer suggested E11.22 and I10 from the notes', () => {
    expect(suggestions.map((s) => s.code)).toEqual(expect.arrayContaining(['E11.22', 'I10']));
  });

  it('shows "HCC 37: Diabetes with Chronic Complications" on E11.22 and nothing on I10', () => {
    const el = render(list(pack));
    expect(hccIn(el.querySelector('li[data-code="E11.22"]'))).toMatch(HCC_37);
    expect(el.querySelector('li[data-code="I10"]')).not.toBeNull();
    expect(hccIn(el.querySelector('li[data-code="I10"]'))).toBeUndefined();
  });

  it('before this page’s pack is loaded, from the category the analyzer put on the suggestion', () => {
    const el = render(list(undefined));
    expect(hccIn(el.querySelector('li[data-code="E11.22"]'))).toMatch(HCC_37);
    expect(hccIn(el.querySelector('li[data-code="I10"]'))).toBeUndefined();
  });

  it('a pack without the mapping shows no category', () => {
    const bare = suggestions.map(({ hcc: _, ...s }) => s as Suggestion);
    const el = render(list(noHcc, bare));
    expect(el.querySelectorAll('[data-hcc]')).toHaveLength(0);
  });
});

describe('CMS-HCC V28 category of each billed diagnosis', () => {
  const summary = (p: CodePack) => (
    <SummaryView
      summary={undefined}
      problems={[]}
      diagnoses={['E11.22', 'I10']}
      services={[]}
      pack={p}
      onMoveDx={() => undefined}
      onRemove={() => undefined}
      onService={() => undefined}
    />
  );

  it('the coded summary shows it on E11.22, none on I10, and states the mapping’s limits once', () => {
    const el = render(summary(pack));
    expect(hccIn(el.querySelector('ol[aria-label="Diagnoses"] li[data-code="E11.22"]'))).toMatch(HCC_37);
    expect(hccIn(el.querySelector('ol[aria-label="Diagnoses"] li[data-code="I10"]'))).toBeUndefined();
    expect(el.textContent).toMatch(/payment year 2026; it covers codes of FY2024 and FY2025/);
  });

  it('without a mapping: no category and no mapping line', () => {
    const el = render(summary(noHcc));
    expect(el.querySelectorAll('[data-hcc]')).toHaveLength(0);
    expect(el.textContent).not.toMatch(/CMS-HCC/);
  });

  it('the spot-audit lists the billed codes’ categories: E11.22, not I10', () => {
    const note = 'Assessment: Type 2 diabetes with diabetic chronic kidney disease. Essential hypertension.';
    const analyzer = new NoteAnalyzer(pack);
    const el = render(
      <SpotAuditPanel
        pack={pack}
        analyzer={() => analyzer}
        note={note}
        analysis={analyzer.analyze(note, { setting: 'office', dateOfService: DOS })}
        chartId="c1"
        dateOfService={DOS}
        setting="office"
        sampled
        onDone={() => undefined}
      />,
    );
    type(el.querySelector<HTMLInputElement>('#billed-codes')!, 'E11.22 I10');
    act(() => el.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    const hcc = el.querySelector('[aria-label="CMS-HCC categories of the billed diagnoses"]')!;
    expect(hccIn(hcc.querySelector('[data-code="E11.22"]'))).toMatch(HCC_37);
    expect(hcc.querySelector('[data-code="I10"]')).toBeNull();
  });
});

/** Types into a React-controlled input (the value setter React tracks, then the input event). */
function type(input: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('codes typed in the panel’s search: the messages the CLI gives', () => {
  const search = (onAdd = vi.fn()) => {
    const el = render(<CodeSearch pack={pack} cpt={new Map()} dateOfService={DOS} onAdd={onAdd} />);
    return { el, onAdd, input: el.querySelector<HTMLInputElement>('#code-search')! };
  };
  const problems = (el: HTMLElement) =>
    [...el.querySelectorAll('[aria-label="Problems in the typed codes"] li')].map((li) => li.textContent ?? '');

  it('a missing dot: "did you mean E11.22", and one click adds E11.22', () => {
    const { el, onAdd, input } = search();
    type(input, 'E1122');
    expect(problems(el)).toEqual([expect.stringMatching(/^E1122 is not a HCPCS Level II code.*did you mean E11\.22/)]);
    act(() => el.querySelector<HTMLButtonElement>('button[aria-label="Add E11.22 instead"]')!.click());
    expect(onAdd).toHaveBeenCalledWith({ code: 'E11.22', system: 'ICD-10-CM', modifiers: [], units: 1, typed: true });
  });

  it('a header and an unknown code, as export words them', () => {
    const { el, input } = search();
    type(input, 'E11 Z99.999');
    expect(problems(el)).toEqual([
      expect.stringMatching(/^E11 is a header in FY2026, not billable: report a more specific code/),
      expect.stringMatching(/^Z99\.999 is not an ICD-10-CM code in FY2026/),
    ]);
    expect(el.querySelector('button[aria-label$="to the summary as typed"]')).toBeNull();
  });

  it('a clean list is added as typed, with its modifiers and units', () => {
    const { el, onAdd, input } = search();
    type(input, 'E11.22, I10 99214-25');
    expect(problems(el)).toEqual([]);
    act(() => el.querySelector<HTMLButtonElement>('button[aria-label$="to the summary as typed"]')!.click());
    expect(onAdd.mock.calls.map(([c]) => [c.code, c.system, c.modifiers])).toEqual([
      ['E11.22', 'ICD-10-CM', []],
      ['I10', 'ICD-10-CM', []],
      ['99214', 'CPT', ['25']],
    ]);
  });

  it('words are searched, not read as codes: no message', () => {
    const { el, input } = search();
    type(input, 'type 2 diabetes');
    expect(el.querySelector('[aria-label="Typed codes"]')).toBeNull();
  });
});

describe('modifiers typed on a service line', () => {
  it('a space between two modifiers is kept while typing; the line gets both', () => {
    const onChange = vi.fn();
    const el = render(<ModifiersInput code="99214" value={[]} onChange={onChange} />);
    const input = el.querySelector<HTMLInputElement>('input')!;
    type(input, '25 ');
    expect(input.value).toBe('25 ');
    type(input, '25 59');
    expect(onChange.mock.calls.map(([m]) => m)).toEqual([['25'], ['25', '59']]);
  });
});
