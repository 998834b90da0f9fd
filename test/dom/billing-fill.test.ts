import { beforeEach, describe, expect, it } from 'vitest';
import { BillingAdaptersFileSchema, adapterFor, fillSelector } from '../../lib/capture/adapter-schema';
import adaptersJson from '../../data/portals/billing-adapters.json';
import { CodedSummarySchema } from '../../lib/summary/schema';
import { fillChargeEntry, readBilledCodes, readBillingPatient } from '../../utils/content/fill/fill-form';
import { loadPageFixture } from '../helpers/dom-fixtures';

const adapters = BillingAdaptersFileSchema.parse(adaptersJson).adapters;
const adapter = adapterFor(adapters, 'http://127.0.0.1:4873/billing.html')!;

const load = (name: string) => loadPageFixture(name);

function selectorFor(key: string): string {
  const [what, a, b, c] = key.split('.');
  if (what === 'patient') return adapter.patient[a as 'name' | 'dob' | 'memberId']!;
  if (what === 'dateOfService') return adapter.dateOfService!;
  if (what === 'diagnosis') return fillSelector(adapter.diagnosis, { letter: a });
  const n = Number(a);
  if (b === 'modifiers') return fillSelector(adapter.line.modifiers[Number(c) - 1]!, { n });
  return fillSelector(adapter.line[b as 'code' | 'units' | 'pointers'], { n });
}

describe('billing adapters are data, checked against their fixture pages', () => {
  for (const a of adapters)
    for (const e of a.expect)
      it(`${a.id} on ${e.fixture}`, () => {
        load(e.fixture);
        for (const [key, want] of Object.entries(e.counts))
          expect(document.querySelectorAll(selectorFor(key)).length, key).toBe(want);
      });
});

const summary = CodedSummarySchema.parse({
  version: 1,
  encounter: { dateOfService: '2026-11-20', placeOfService: '11', setting: 'office' },
  diagnoses: [
    { pointer: 'A', code: 'J20.9' },
    { pointer: 'B', code: 'J45.20' },
  ],
  lines: [{ code: '99213', system: 'CPT', modifiers: ['25'], units: 1, pointers: ['A', 'B'], charge: 95 }],
  releases: [],
});

describe('filling the charge-entry form', () => {
  beforeEach(() => load('billing.html'));

  it('writes every value and fires input and change events the page listens to', () => {
    const seen: string[] = [];
    document.addEventListener('input', (e) =>
      seen.push(`input:${(e.target as HTMLInputElement).name || (e.target as HTMLInputElement).id}`),
    );
    document.addEventListener('change', (e) =>
      seen.push(`change:${(e.target as HTMLInputElement).name || (e.target as HTMLInputElement).id}`),
    );
    const r = fillChargeEntry(document, adapter, summary);
    expect(r.missing).toEqual([]);
    expect((document.querySelector('#dx-A') as HTMLInputElement).value).toBe('J20.9');
    expect((document.querySelector('#dx-B') as HTMLInputElement).value).toBe('J45.20');
    expect((document.querySelector('#line-1 input[name=code]') as HTMLInputElement).value).toBe('99213');
    expect((document.querySelector('#line-1 input[name=mod1]') as HTMLInputElement).value).toBe('25');
    expect((document.querySelector('#line-1 input[name=pointers]') as HTMLInputElement).value).toBe('AB');
    expect((document.querySelector('#line-1 input[name=charge]') as HTMLInputElement).value).toBe('95.00');
    expect(seen).toContain('input:dx-A');
    expect(seen).toContain('change:code');
    expect(readBilledCodes(document, adapter)).toBe('J20.9 J45.20 99213-25');
  });

  it('clears slots the summary does not use and reports lines that do not fit', () => {
    (document.querySelector('#dx-C') as HTMLInputElement).value = 'Z00.00';
    const many = CodedSummarySchema.parse({ ...summary, lines: Array.from({ length: 8 }, () => summary.lines[0]) });
    const r = fillChargeEntry(document, adapter, many);
    expect((document.querySelector('#dx-C') as HTMLInputElement).value).toBe('');
    expect(r.cleared).toEqual([{ selector: '#dx-C', value: 'Z00.00' }]);
    expect(r.missing).toHaveLength(2);
    expect(r.missing[0]).toMatch(/line 7 \(99213\): the form has 6 line slots/);
  });

  it('reads the patient identifiers the form shows', () => {
    expect(readBillingPatient(document, adapter)).toEqual({
      name: 'Sample, Jordan',
      dob: '1979-11-02',
      memberId: 'AB9867543',
    });
  });
});
