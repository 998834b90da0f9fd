import { expandTokens } from '../text/expand';
import { tokenize } from '../text/tokens';
import { bindQualifiers, type Dictionary } from '../suggest/dictionary';

/**
 * How much of a code's own wording the note contains anywhere (idf-weighted share of the required
 * stems of its best term): a soft signal for codes proposed by similar notes, e.g. N28.9 "disorder
 * of kidney and ureter" for a note about a ureteral stenosis that never says "disorder".
 */
export class SoftMatcher {
  constructor(private readonly dict: Dictionary) {}

  noteStems(text: string): Set<string> {
    return new Set(bindQualifiers(expandTokens(tokenize(text)), (t, stem) => ({ ...t, stem })).map((t) => t.stem));
  }

  overlap(code: string, stems: Set<string>): number {
    let best = 0;
    for (const ti of this.dict.termsOf(code)) {
      const t = this.dict.term(ti);
      let have = 0;
      let all = 0;
      for (const w of t.required) {
        const idf = this.dict.idf(w) || 1;
        all += idf;
        if (stems.has(w)) have += idf;
      }
      if (all > 0) best = Math.max(best, have / all);
    }
    return best;
  }
}
