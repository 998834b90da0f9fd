import type { CodePack } from '../pack/code-pack';
import type { Suggestion } from './schema';

/** The cause written right after the disorder ("… due to Huntington disease, severe"). */
const CAUSE =
  /^[\s\w,-]{0,30}?\b(?:due to|secondary to|caused by|related to)\s+(?:(?:his|her|their|the|a|an|known)\s+)*/i;

/** The mental disorders the Index codes by their physiological cause, and the code they take. */
const BY_CAUSE: { prefixes: string[]; code: (words: string) => string; what: string }[] = [
  {
    prefixes: ['F32', 'F33'],
    code: (words) => (/\bmajor\b/i.test(words) ? 'F06.32' : 'F06.31'),
    what: 'Disorder, depressive, due to known physiological condition',
  },
  { prefixes: ['F41'], code: () => 'F06.4', what: 'Disorder, anxiety, due to known physiological condition' },
];

/**
 * A depressive or anxiety disorder the provider writes as due to a medical condition coded on the
 * claim ("Major depressive disorder due to Huntington disease") is the Index's "due to known
 * physiological condition" code (F06.3-, F06.4), not the primary mental disorder (F32-F33 and F41
 * have Excludes1 for it); the F06 note asks for the condition to be coded first, which code-first
 * ordering then does (I.A.13). The cause must be a condition outside chapter 5 (a disease, not
 * another mental disorder, a symptom, chronic pain (G89) or a Z code).
 */
export function mentalDueToCondition(
  pack: CodePack,
  text: string,
  claim: Suggestion[],
): { claim: Suggestion[]; replaced: Suggestion[] } {
  const replaced: Suggestion[] = [];
  const causes = new Map<Suggestion, Suggestion>();
  const mapped = claim.map((s) => {
    const rule =
      s.system === 'ICD-10-CM' ? BY_CAUSE.find((r) => r.prefixes.some((p) => s.code.startsWith(p))) : undefined;
    if (!rule) return s;
    for (const e of s.evidence) {
      const m = CAUSE.exec(text.slice(e.end, e.end + 80));
      if (!m) continue;
      const at = e.end + m[0].length;
      const cause = claim.find(
        (o) =>
          o !== s &&
          o.system === 'ICD-10-CM' &&
          /^[A-EG-NQ]/.test(o.code) &&
          !o.code.startsWith('G89') &&
          o.evidence.some((x) => x.start >= at && x.start <= at + 20),
      );
      const info = cause ? pack.codeInfo(rule.code(text.slice(Math.max(0, e.start - 10), e.end))) : undefined;
      if (!cause || !info?.billable) continue;
      replaced.push({ ...s, reason: { ...s.reason, note: `reported as ${info.code}: due to ${cause.code}` } });
      const now: Suggestion = {
        ...s,
        code: info.code,
        description: info.title,
        reason: {
          ...s.reason,
          via: 'guideline' as const,
          refinedFrom: s.code,
          note: `written as due to ${cause.code} (Index: ${rule.what}); the condition is coded first (I.A.13)`,
        },
      };
      causes.set(now, cause);
      return now;
    }
    return s;
  });
  // The condition goes just before the mental disorder it causes.
  const out = [...mapped];
  for (const [mental, cause] of causes) {
    const at = out.indexOf(mental);
    if (out.indexOf(cause) < at) continue;
    out.splice(out.indexOf(cause), 1);
    out.splice(at, 0, cause);
  }
  return { claim: out, replaced };
}
