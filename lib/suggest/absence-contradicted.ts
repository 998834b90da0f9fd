import type { CodePack } from '../pack/code-pack';
import type { Suggestion } from './schema';
import { parentOf } from './lateralize';

/*
 * A default is the reading when the note says nothing more; it is not the reading when the note
 * says otherwise. Refinement picks the child stating an absence ("Concussion without loss of
 * consciousness") when the diagnosis's own sentence is silent; a note that writes the finding as
 * present elsewhere ("There was loss of consciousness.") contradicts that default, and the code
 * becomes the sibling that states the finding without adding what is not written ("with loss of
 * consciousness of unspecified duration"), Guidelines I.B.2: the documentation of the encounter.
 */
const WITHOUT = /\bwithout ([a-z ]+?)(?:,|$)/i;
/** Cue words before the finding that deny or doubt it in its sentence. */
const DENIED =
  /(?:\b(?:no|not|without|denies|denied|negative for|never|absence of|free of|nor|questionable|possible|possibly|probable|suspected|rule out|unclear|unknown|uncertain|may have)\b|\?)[^.;]*$/i;

/** Whether the note writes the phrase as present in some sentence (not after a denial in it). */
function writtenPresent(text: string, phrase: string): boolean {
  const re = new RegExp(`\\b${phrase.replace(/\s+/g, '\\s+')}\\b`, 'gi');
  for (const m of text.matchAll(re)) {
    const sentenceStart = Math.max(text.lastIndexOf('.', m.index) + 1, text.lastIndexOf('\n', m.index) + 1);
    if (!DENIED.test(text.slice(sentenceStart, m.index))) return true;
  }
  return false;
}

export function contradictedAbsence(
  pack: CodePack,
  text: string,
  claim: Suggestion[],
): { claim: Suggestion[]; replaced: Suggestion[] } {
  const replaced: Suggestion[] = [];
  const out = claim.map((s) => {
    // Only a default pick: a child the sentence's own words chose stays (the episode character aside).
    const chosenBy = (s.reason.refinedBy ?? []).filter((b) => !/^7th character/.test(b));
    if (s.system !== 'ICD-10-CM' || chosenBy.length > 0) return s;
    const seventh = s.code.replace('.', '').length === 7 ? s.code.slice(-1) : '';
    const base = seventh ? s.code.slice(0, -1) : s.code;
    const title = pack.codeInfo(base)?.title ?? '';
    const absent = WITHOUT.exec(title)?.[1]?.trim();
    if (!absent || absent.split(' ').length > 4 || !writtenPresent(text, absent)) return s;
    const siblings = pack.codeInfo(parentOf(base))?.children ?? [];
    const unspecifiedWith = siblings.find((c) => {
      const t = c.title.toLowerCase();
      return (
        c.code !== base &&
        t.includes(`with ${absent.toLowerCase()}`) &&
        /\bunspecified\b/.test(t.split(`with ${absent.toLowerCase()}`)[1] ?? '')
      );
    });
    const code = unspecifiedWith ? `${unspecifiedWith.code}${seventh}` : undefined;
    const info = code ? pack.codeInfo(code) : undefined;
    if (!code || !info?.billable) return s;
    replaced.push({
      ...s,
      reason: { ...s.reason, note: `the note writes ${absent} as present: ${code} (Guidelines I.B.2)` },
    });
    return {
      ...s,
      code,
      description: info.title,
      reason: { ...s.reason, refinedFrom: s.code, refinedBy: [`${absent} written in the note`] },
    };
  });
  return { claim: out, replaced };
}
