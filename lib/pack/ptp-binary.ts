import type { PtpTable } from '../codesets/ncci/ptp';
import type { PtpMetaData } from './sections';

/*
 * PTP edits are the bulk of a pack (2.5M rows in the practitioner table). Each row is stored
 * in 10 bytes, sorted by (column 1, column 2) so a pair is found by binary search:
 *   u16 column-1 code index | u16 column-2 code index | u16 effective day | u16 deletion day |
 *   u8 modifier indicator | u8 rationale index
 * Days count from 1970-01-01; effective 0 = not given by the file; deletion 0xFFFF = in force.
 */
export const PTP_ROW_BYTES = 10;
export const PTP_IN_FORCE = 0xffff;
const DAY_MS = 86_400_000;

export function isoToDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function encodePtpRows(t: PtpTable, sourceIds: number[]): { meta: PtpMetaData; rows: Uint8Array } {
  const codes = [...new Set([...t.column1, ...t.column2])].sort();
  if (codes.length > 0xffff)
    throw new Error('more than 65,535 distinct PTP codes: the pack format needs a wider index');
  const codeIdx = new Map(codes.map((c, i) => [c, i]));
  const rationales = [...new Set(t.rationale)];
  if (rationales.length > 0xff) throw new Error('more than 255 distinct PTP rationales');
  const ratIdx = new Map(rationales.map((r, i) => [r, i]));
  const n = t.column1.length;
  const c1 = new Uint16Array(n);
  const c2 = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    c1[i] = codeIdx.get(t.column1[i]!)!;
    c2[i] = codeIdx.get(t.column2[i]!)!;
  }
  const order = new Uint32Array(n).map((_, i) => i);
  order.sort((a, b) => c1[a]! - c1[b]! || c2[a]! - c2[b]! || a - b);
  const rows = new Uint8Array(n * PTP_ROW_BYTES);
  const view = new DataView(rows.buffer);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const at = k * PTP_ROW_BYTES;
    const eff = t.effective[i];
    const del = t.deletion[i];
    view.setUint16(at, c1[i]!, true);
    view.setUint16(at + 2, c2[i]!, true);
    view.setUint16(at + 4, eff ? isoToDay(eff) : 0, true);
    view.setUint16(at + 6, del ? isoToDay(del) : PTP_IN_FORCE, true);
    rows[at + 8] = t.modifier[i]!;
    rows[at + 9] = ratIdx.get(t.rationale[i]!)!;
  }
  return {
    meta: { sourceIds, codes, rationales, rows: n, hasEffectiveDates: t.effective.some((e) => e !== null) },
    rows,
  };
}
