import type { Token } from './tokens';

/*
 * "Peritoneal carcinomatosis from appendiceal primary", "liver metastases from a lung primary":
 * oncologists name the primary cancer by its site and the bare word "primary". That word is the
 * primary malignant neoplasm of the site (Index: Neoplasm, by site, malignant, primary). Read only
 * where it cannot be anything else: it ends its phrase (punctuation or the sentence end after it,
 * not "primary care"), one to three words after "from", "with" or "of", in a sentence that speaks
 * of cancer.
 */
const LEAD = new Set(['from', 'with', 'of']);
const CANCER =
  /^(carcinomatosis|metasta\w*|cancers?|carcinomas?|adenocarcinomas?|malignan\w*|neoplasms?|tumou?rs?|sarcomas?|melanomas?)$/;
const MAX_SITE_WORDS = 3;

/** A word that names a cancer or its spread, not a site ("metastases" reads as "secondary neoplasm"). */
export const isCancerWord = (norm: string) => CANCER.test(norm) || norm === 'secondary' || norm === 'primary';

/** Each "primary" token that names a primary cancer -> the index of its first site word. */
export function primaryCancerWords(tokens: Token[]): Map<number, number> {
  const out = new Map<number, number>();
  if (!tokens.some((t) => CANCER.test(t.norm))) return out;
  tokens.forEach((t, i) => {
    if (t.norm !== 'primary' || i === 0) return;
    const next = tokens[i + 1];
    if (next && next.start - t.end <= 1) return;
    for (let k = i - 1; k >= Math.max(0, i - 1 - MAX_SITE_WORDS); k--) {
      const w = tokens[k]!;
      if (tokens[k + 1]!.start - w.end > 1) return;
      if (LEAD.has(w.norm)) {
        if (k < i - 1 && !(k === i - 2 && /^(a|an|the)$/.test(tokens[k + 1]!.norm))) out.set(i, k + 1);
        return;
      }
    }
  });
  return out;
}
