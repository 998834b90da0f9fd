import { z } from 'zod';

/**
 * Portal adapters are data: where a known EHR shows the note and the patient header, and where a
 * billing portal's charge-entry form keeps its fields. A selector may cross open shadow roots with
 * " >>> " (each part is a CSS selector run inside the previous match's shadow root).
 * Every adapter lists the match counts it must give on checked-in fixture pages (test/dom).
 */
export const SHADOW_PIERCE = ' >>> ';

const Selector = z.string().min(1).max(500);
const Expectation = z.strictObject({
  /** Fixture page under test/e2e/fixtures. */
  fixture: z.string().regex(/^[\w./-]+\.html$/),
  /** Selector key (e.g. "note", "header.name", "dx.1") -> how many elements it must match there. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

export const NoteAdapterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  /** Regular expression tested against the page URL (origin + path). */
  url: z.string(),
  /** The note element; absent for a page that only frames the chart (banner, tabs): it reports no note. */
  note: Selector.optional(),
  /** The chart banner: who the patient is and the encounter shown (its date is the date of service). */
  header: z
    .strictObject({
      name: Selector.optional(),
      dob: Selector.optional(),
      memberId: Selector.optional(),
      encounterDate: Selector.optional(),
      encounterId: Selector.optional(),
    })
    .default({}),
  expect: z.array(Expectation).min(1),
});
export type NoteAdapter = z.infer<typeof NoteAdapterSchema>;

export const NoteAdaptersFileSchema = z.strictObject({ version: z.literal(1), adapters: z.array(NoteAdapterSchema) });

/** Splits "a >>> b" into its per-shadow-root parts. */
export function selectorParts(selector: string): string[] {
  return selector
    .split(SHADOW_PIERCE)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The first adapter whose URL pattern matches (patterns are data: an invalid one is a schema bug, test-caught). */
export function adapterFor<T extends { url: string }>(adapters: T[], url: string): T | undefined {
  return adapters.find((a) => new RegExp(a.url).test(url));
}

/**
 * A billing portal's charge-entry form. Selectors may hold {n} (service line, 1-based) and {letter}
 * (diagnosis A-L); the adapter says how many diagnosis and line slots the form has.
 */
export const BillingAdapterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  url: z.string(),
  patient: z
    .strictObject({ name: Selector.optional(), dob: Selector.optional(), memberId: Selector.optional() })
    .default({}),
  dateOfService: Selector.optional(),
  diagnosis: Selector,
  diagnosisSlots: z.number().int().min(1).max(12),
  line: z.strictObject({
    code: Selector,
    modifiers: z.array(Selector).max(4),
    units: Selector,
    /** One field holding the pointer letters ("ABC"), the usual 24E layout. */
    pointers: Selector,
    charge: Selector.optional(),
  }),
  lineSlots: z.number().int().min(1).max(50),
  expect: z.array(Expectation).min(1),
});
export type BillingAdapter = z.infer<typeof BillingAdapterSchema>;
export const BillingAdaptersFileSchema = z.strictObject({
  version: z.literal(1),
  adapters: z.array(BillingAdapterSchema),
});

export function fillSelector(template: string, vars: { n?: number; letter?: string }): string {
  return template.replace(/\{n\}/g, String(vars.n ?? '')).replace(/\{letter\}/g, vars.letter ?? '');
}
