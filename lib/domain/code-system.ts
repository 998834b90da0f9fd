/**
 * Which code system a code on a claim belongs to, by its shape as written (upper case, no spaces):
 * - ICD-10-CM: a letter, two letters or digits, then a dot and up to four more (E11.22, I10);
 * - HCPCS Level II: a letter and four digits (J1885). An undotted ICD-10-CM code (E1122) has this
 *   shape too and is read as HCPCS, which is why a claim writes ICD-10-CM codes with their dot;
 * - CPT: five digits, or four digits and a letter (Category II ..F, Category III ..T, PLA ..U).
 * The shape says nothing of whether the code exists: ask the pack for that.
 */
export const CLAIM_CODE_SYSTEMS = ['ICD-10-CM', 'HCPCS', 'CPT'] as const;
export type ClaimCodeSystem = (typeof CLAIM_CODE_SYSTEMS)[number];

const ICD_AS_WRITTEN = /^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$/;
const HCPCS_LEVEL_II = /^[A-Z][0-9]{4}$/;
const CPT = /^[0-9]{4}[0-9A-Z]$/;

/** The code system a code's shape belongs to, or undefined when it is no code as written. */
export function codeSystemOf(code: string): ClaimCodeSystem | undefined {
  if (ICD_AS_WRITTEN.test(code)) return 'ICD-10-CM';
  if (HCPCS_LEVEL_II.test(code)) return 'HCPCS';
  if (CPT.test(code)) return 'CPT';
  return undefined;
}

/** An ICD-10-CM code as written on a claim (a diagnosis, not a service line). */
export function isIcd(code: string): boolean {
  return codeSystemOf(code) === 'ICD-10-CM';
}
