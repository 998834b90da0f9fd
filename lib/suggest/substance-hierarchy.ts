import type { Suggestion } from './schema';
import { setAside } from './set-aside';

/** Use (F1x.9), abuse (F1x.1), dependence (F1x.2): the higher level includes the lower ones. */
const LEVEL: Record<string, number> = { '9': 1, '1': 2, '2': 3 };
const SUBSTANCE = /^F1[0-9]\.([129])/;

/**
 * One code per psychoactive substance class (Guidelines I.C.5.b.2): when use, abuse and dependence
 * of one substance are documented, only the highest level is reported (dependence over abuse over
 * use), and at that level a code with a named manifestation (F14.93 cocaine use with withdrawal)
 * includes the uncomplicated one (F14.90). The codes it sets aside move to the alternatives.
 */
export function substanceHierarchy(claim: Suggestion[]): { claim: Suggestion[]; moved: Suggestion[] } {
  const moved: Suggestion[] = [];
  const byClass = new Map<string, Suggestion[]>();
  for (const s of claim) {
    if (s.system !== 'ICD-10-CM' || !SUBSTANCE.test(s.code)) continue;
    byClass.set(s.code.slice(0, 3), [...(byClass.get(s.code.slice(0, 3)) ?? []), s]);
  }
  for (const codes of byClass.values()) {
    if (codes.length < 2) continue;
    const level = (s: Suggestion) => LEVEL[s.code[4]!]!;
    const top = Math.max(...codes.map(level));
    const atTop = codes.filter((s) => level(s) === top);
    const complicated = atTop.some((s) => !uncomplicated(s.code));
    for (const s of codes) {
      const lower = level(s) < top;
      if (!lower && !(complicated && uncomplicated(s.code))) continue;
      const by = atTop.find((t) => t !== s && !uncomplicated(t.code)) ?? atTop[0]!;
      moved.push({
        ...s,
        reason: {
          ...s.reason,
          note: lower
            ? `${by.code} is on the claim: only the highest of use, abuse and dependence of one substance is reported (Guidelines I.C.5.b.2)`
            : `${by.code} is on the claim and names the condition this uncomplicated code denies (Guidelines I.C.5.b.2)`,
        },
      });
    }
  }
  return setAside(claim, moved);
}

/** F14.90, F10.20, F17.200 (nicotine's "uncomplicated" sits one character deeper). */
const uncomplicated = (code: string) => /^F1[0-9]\.[129]0$/.test(code) || /^F17\.2[0-9]0$/.test(code);
