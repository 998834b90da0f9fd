/**
 * ICD-10-CM code spelling. Release files write codes without the dot (order file: `E1122`)
 * or with it (tabular XML: `E11.22`); the pack always stores the dotted form, upper case.
 * The dot goes after the 3rd character (ICD-10-CM conventions, Tabular List introduction).
 */
export function dotIcd(code: string): string {
  const c = code.trim().toUpperCase().replace('.', '');
  return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

export function undotIcd(code: string): string {
  return code.trim().toUpperCase().replace('.', '');
}

/** Letter, then two letters/digits (A00–Z99, U07, and FY2026's QA0 block), then up to 4 more. */
export const ICD_CODE_RE = /^[A-Z][0-9A-Z][0-9A-Z](\.?[0-9A-Z]{1,4})?$/;

export function isIcdCodeShape(code: string): boolean {
  return ICD_CODE_RE.test(code.trim().toUpperCase());
}

/** HCPCS Level II (letter + 4 digits) or CPT (5 digits, or 4 digits + a letter: F, T, U, M, A …). */
export const HCPCS_CPT_RE = /^([A-Z][0-9]{4}|[0-9]{4}[0-9A-Z])$/;

export function isHcpcsOrCptShape(code: string): boolean {
  return HCPCS_CPT_RE.test(code.trim().toUpperCase());
}
