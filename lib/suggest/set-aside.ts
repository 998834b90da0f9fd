import type { Suggestion } from './schema';

/**
 * The claim without the diagnosis codes a rule moved to the alternatives, and those codes: the
 * shared tail of every "one code gives way to another" rule (claim-assembly.ts).
 */
export function setAside(claim: Suggestion[], moved: Suggestion[]): { claim: Suggestion[]; moved: Suggestion[] } {
  if (moved.length === 0) return { claim, moved };
  const codes = new Set(moved.map((m) => m.code));
  return { claim: claim.filter((s) => !(s.system === 'ICD-10-CM' && codes.has(s.code))), moved };
}
