import type { Statement } from '../document/document';

/** Diagnostic sections written last in time come first on the claim (discharge before admission diagnoses). */
const LATE_DIAGNOSIS = /discharge|final|postop|post-op|postprocedure|post-procedure/i;

/**
 * Claim order of the statements: the diagnostic sections first (the latest in time first:
 * discharge / final / postoperative before admission / preoperative), each in the note's order,
 * then every other statement in the note's order.
 */
export function claimOrder(statements: Statement[]): Map<number, number> {
  const rank = (st: Statement) =>
    st.section.role !== 'diagnostic' ? 2 : LATE_DIAGNOSIS.test(st.section.heading) ? 0 : 1;
  const sorted = [...statements].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
  return new Map(sorted.map((st, i) => [st.index, i]));
}
