import contextData from './data/context-rules.json';
import { ContextRulesSchema, type ContextCategory, type ContextRule } from './schemas';
import type { Token } from './tokens';

/**
 * ConText (Harkema, Dowling, Thornblade & Chapman, J Biomed Inform 2009) over one sentence:
 * triggers found in the sentence assert a category over a scope of tokens (forward, backward or
 * both, up to max_scope tokens), stopped by TERMINATE triggers and the sentence end; PSEUDO
 * triggers ("no increase") cancel the triggers they overlap.
 */
export type Assertion = 'present' | 'negated' | 'possible' | 'hypothetical' | 'historical' | 'family' | 'other_person';

const CATEGORY_TO_ASSERTION: Partial<Record<ContextCategory, Assertion>> = {
  NEGATED_EXISTENCE: 'negated',
  POSSIBLE_EXISTENCE: 'possible',
  HYPOTHETICAL: 'hypothetical',
  HISTORICAL: 'historical',
  FAMILY: 'family',
  OTHER_PERSON: 'other_person',
};

/** When two scopes cover a mention, the stronger statement about the patient wins. */
export const ASSERTION_PRIORITY: readonly Assertion[] = [
  'negated',
  'family',
  'other_person',
  'hypothetical',
  'possible',
  'historical',
  'present',
];

const RULES = ContextRulesSchema.parse(contextData).rules.map((r) => ({
  ...r,
  words: r.literal.toLowerCase().split(/\s+/),
}));
const RULES_BY_FIRST = new Map<string, typeof RULES>();
for (const r of RULES) RULES_BY_FIRST.set(r.words[0]!, [...(RULES_BY_FIRST.get(r.words[0]!) ?? []), r]);
/** A rule word that stands for a calendar year ("in #year": "breast cancer in 1992"). */
const YEAR_WORD = '#year';
const wordMatches = (w: string, norm: string | undefined) =>
  w === YEAR_WORD ? norm !== undefined && /^(?:19|20)\d\d$/.test(norm) : norm === w;

export interface TriggerHit {
  rule: ContextRule;
  /** Token indexes [first, last] of the trigger. */
  first: number;
  last: number;
}

export interface ContextScopes {
  triggers: TriggerHit[];
  /** assertion per token index (the strongest covering scope). */
  assertionOf(tokenIndex: number): Assertion;
  triggerFor(tokenIndex: number): TriggerHit | undefined;
}

/** `o` is a longer trigger whose words hold all of `h`'s ("no evidence of" holds "no"). */
const holdsLonger = (o: TriggerHit, h: TriggerHit) =>
  o.first <= h.first && o.last >= h.last && o.last - o.first > h.last - h.first;

/** The word before the last item of a list. */
const LIST_END = new Set(['or', 'nor']);

export function applyContext(tokens: Token[]): ContextScopes {
  const hits: TriggerHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const r of RULES_BY_FIRST.get(tokens[i]!.norm) ?? []) {
      if (r.words.every((w, k) => wordMatches(w, tokens[i + k]?.norm)))
        hits.push({ rule: r, first: i, last: i + r.words.length - 1 });
    }
  }
  // A pseudo-trigger inside a longer real one is void: "no change" says a condition persists, but
  // "no change in bowel habits" denies the change itself.
  const insideLonger = (h: TriggerHit) => hits.some((o) => o.rule.direction !== 'PSEUDO' && holdsLonger(o, h));
  const pseudo = hits.filter((h) => h.rule.direction === 'PSEUDO' && !insideLonger(h));
  const voided = hits.filter((h) => h.rule.direction === 'PSEUDO' && insideLonger(h));
  const live = hits.filter(
    (h) => h.rule.direction !== 'PSEUDO' && !pseudo.some((p) => h.first >= p.first && h.last <= p.last),
  );
  // Longer triggers win over the shorter ones they contain ("no evidence of" over "no").
  const triggers = live.filter((h) => !live.some((o) => o !== h && holdsLonger(o, h)));
  const terminators = triggers.filter((h) => h.rule.direction === 'TERMINATE').map((h) => h.first);
  const assertion: Assertion[] = tokens.map(() => 'present');
  const source: (TriggerHit | undefined)[] = tokens.map(() => undefined);
  const mark = (i: number, a: Assertion, h: TriggerHit) => {
    if (ASSERTION_PRIORITY.indexOf(a) < ASSERTION_PRIORITY.indexOf(assertion[i]!)) {
      assertion[i] = a;
      source[i] = h;
    }
  };
  for (const h of triggers) {
    const a = CATEGORY_TO_ASSERTION[h.rule.category];
    if (!a) continue;
    const max = h.rule.max_scope ?? tokens.length;
    // A possibility's own words name a possibility ("potential complications", "possible side
    // effects"): they are not a finding either; a past-tense verb ("smoked") tells of the past.
    // A denial that voids a pseudo-trigger denies its own words too ("no change in bowel habits":
    // the change is the condition); other denials' words ("without", "refused") stay readable.
    const deniesOwnWords = a === 'negated' && voided.some((p) => h.first <= p.first && h.last >= p.last);
    if (a === 'hypothetical' || a === 'historical' || deniesOwnWords)
      for (let i = h.first; i <= h.last; i++) mark(i, a, h);
    // A sentence-wide hypothetical (the risks discussed, what a finding "may be seen in") runs past
    // "due to": the causes it links are part of the same textbook list.
    const sentenceWide = a === 'hypothetical' && max >= 20;
    if (h.rule.direction === 'FORWARD' || h.rule.direction === 'BIDIRECTIONAL') {
      const end = sentenceWide ? tokens.length : Math.min(tokens.length, ...terminators.filter((t) => t > h.last));
      let stop = Math.min(end, h.last + 1 + max);
      // A denied list ending "… liver disease or cancer" is denied to its last item, however long.
      if (a === 'negated') {
        const or = tokens.findIndex((t, k) => k >= stop - 3 && k <= stop + 2 && LIST_END.has(t.norm));
        if (or > h.last) stop = Math.max(stop, Math.min(end, or + 4));
      }
      for (let i = h.last + 1; i < stop; i++) mark(i, a, h);
    }
    if (h.rule.direction === 'BACKWARD' || h.rule.direction === 'BIDIRECTIONAL') {
      const stop = Math.max(-1, h.first - 1 - max, ...terminators.filter((t) => t < h.first));
      for (let i = h.first - 1; i > stop; i--) mark(i, a, h);
    }
  }
  return {
    triggers,
    assertionOf: (i) => assertion[i] ?? 'present',
    triggerFor: (i) => source[i],
  };
}
