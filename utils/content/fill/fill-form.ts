import { POINTERS, type CodedSummary } from '@/lib/summary/schema';
import { fillSelector, type BillingAdapter } from '@/lib/capture/adapter-schema';
import type { PatientHeader } from '../capture/capture';

/**
 * Fills a billing portal's charge-entry form from the coded summary, the way a person typing
 * would look to the page: the value is set through the element's own prototype setter (so
 * frameworks that track values notice) and then `input` and `change` events fire, bubbling.
 * The form ends up mirroring the summary (slots it does not use are emptied, and the report lists
 * what was there so nothing disappears unseen). Nothing is submitted: the biller reviews and saves.
 */
export interface FillReport {
  filled: number;
  /** Selectors of values that had no field to go to (form has fewer slots than the summary). */
  missing: string[];
  /** Values that were on the form where the summary has nothing. */
  cleared: { selector: string; value: string }[];
}

function setValue(el: Element, value: string): boolean {
  const view = el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (!view) return false;
  const proto =
    el instanceof view.HTMLSelectElement
      ? view.HTMLSelectElement.prototype
      : el instanceof view.HTMLTextAreaElement
        ? view.HTMLTextAreaElement.prototype
        : view.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (!setter) return false;
  (el as HTMLElement).focus?.();
  setter.call(el, value);
  el.dispatchEvent(new view.Event('input', { bubbles: true }));
  el.dispatchEvent(new view.Event('change', { bubbles: true }));
  (el as HTMLElement).blur?.();
  return true;
}

export function fillChargeEntry(doc: Document, adapter: BillingAdapter, s: CodedSummary): FillReport {
  const report: FillReport = { filled: 0, missing: [], cleared: [] };
  const put = (selector: string, value: string) => {
    const el = doc.querySelector(selector);
    if (!el) {
      if (value) report.missing.push(selector);
      return;
    }
    const before = (el as HTMLInputElement).value ?? '';
    if (before === value) return;
    if (!value) report.cleared.push({ selector, value: before });
    if (setValue(el, value) && value) report.filled++;
  };
  if (adapter.dateOfService) put(adapter.dateOfService, s.encounter.dateOfService);
  POINTERS.slice(0, adapter.diagnosisSlots).forEach((letter, i) =>
    put(fillSelector(adapter.diagnosis, { letter }), s.diagnoses[i]?.code ?? ''),
  );
  for (let i = 0; i < Math.max(adapter.lineSlots, s.lines.length); i++) {
    const n = i + 1;
    const l = s.lines[i];
    if (i >= adapter.lineSlots) {
      if (l) report.missing.push(`line ${n} (${l.code}): the form has ${adapter.lineSlots} line slots`);
      continue;
    }
    put(fillSelector(adapter.line.code, { n }), l?.code ?? '');
    adapter.line.modifiers.forEach((m, k) => put(fillSelector(m, { n }), l?.modifiers[k] ?? ''));
    put(fillSelector(adapter.line.units, { n }), l ? String(l.units) : '');
    put(fillSelector(adapter.line.pointers, { n }), l?.pointers.join('') ?? '');
    if (adapter.line.charge && l?.charge !== undefined)
      put(fillSelector(adapter.line.charge, { n }), l.charge.toFixed(2));
  }
  return report;
}

/** Patient identifiers as the billing form shows them (for the identification check). */
export function readBillingPatient(doc: Document, adapter: BillingAdapter): PatientHeader {
  const read = (sel?: string) => {
    if (!sel) return undefined;
    const el = doc.querySelector(sel);
    const v = (el && 'value' in el ? String((el as HTMLInputElement).value) : el?.textContent)?.trim();
    return v || undefined;
  };
  const p = {
    name: read(adapter.patient.name),
    dob: read(adapter.patient.dob),
    memberId: read(adapter.patient.memberId),
  };
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v)) as PatientHeader;
}

/** The codes already on the form, as a code list for the spot-audit ("E11.22 N18.31 99214-25x1"). */
export function readBilledCodes(doc: Document, adapter: BillingAdapter): string {
  const val = (sel: string) => ((doc.querySelector(sel) as HTMLInputElement | null)?.value ?? '').trim().toUpperCase();
  const dx = POINTERS.slice(0, adapter.diagnosisSlots)
    .map((letter) => val(fillSelector(adapter.diagnosis, { letter })))
    .filter(Boolean);
  const lines: string[] = [];
  for (let n = 1; n <= adapter.lineSlots; n++) {
    const code = val(fillSelector(adapter.line.code, { n }));
    if (!code) continue;
    const mods = adapter.line.modifiers.map((m) => val(fillSelector(m, { n }))).filter(Boolean);
    const units = Number(val(fillSelector(adapter.line.units, { n }))) || 1;
    lines.push(`${code}${mods.length ? `-${mods.join('-')}` : ''}${units > 1 ? `x${units}` : ''}`);
  }
  return [...dx, ...lines].join(' ');
}
