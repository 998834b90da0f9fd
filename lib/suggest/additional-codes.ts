import type { CodePack } from '../pack/code-pack';
import type { Suggestion } from './schema';
import { isNarrativeReading } from './narrative-readings';
import { instructionNotes, sameWords as overlaps } from './tabular-refs';

const FURTHER = /further specify|identify the (?:specified )?(?:condition|disorder|complication)/i;

interface Asks {
  /**
   * Code prefixes the notes name ("(I50.-)" -> I50; a range names every code or category in it), one list
   * per note's source: a "where applicable, to identify:" list is one ask (any of tobacco use,
   * dependence or history answers it).
   */
  sets: string[][];
  /** "Use additional code, if applicable, to further specify disorder" (K91.89): any code of the same words. */
  further: boolean;
}

const ASKS = new WeakMap<CodePack, Map<string, Asks>>();
function asksOf(pack: CodePack, code: string): Asks {
  let cache = ASKS.get(pack);
  if (!cache) ASKS.set(pack, (cache = new Map()));
  let asks = cache.get(code);
  if (!asks) {
    const notes = instructionNotes(pack, code, ['useAdditionalCode', 'codeAlso']);
    const bySource = new Map<string, Set<string>>();
    for (const n of notes) {
      const set = bySource.get(n.from) ?? new Set<string>();
      for (const c of n.codes) set.add(c);
      if (set.size > 0) bySource.set(n.from, set);
    }
    asks = { sets: [...bySource.values()].map((x) => [...x]), further: notes.some((n) => FURTHER.test(n.text)) };
    cache.set(code, asks);
  }
  return asks;
}

/**
 * "Use additional code" and "code also" notes of the Tabular (Guidelines I.A.12-13, I.B.9): a code
 * on the claim asks for a second one (I11.0 -> the heart failure's I50.-; J44 -> tobacco F17.-;
 * K91.89 postprocedural disorder -> the disorder itself). When the note documents that second
 * condition but it sits among the alternatives (the combination's words covered it) or was
 * written only in the history or course, it joins the claim right after the code asking for it.
 * Nothing the note does not document is added.
 */
export function additionalCodes(
  pack: CodePack,
  claim: Suggestion[],
  alternatives: Suggestion[],
  excluded: Suggestion[],
): { claim: Suggestion[]; used: Suggestion[] } {
  let list = askingFirst(pack, claim);
  const used: Suggestion[] = [];
  // A reading of its own in the history or course first ("pipe smoking" F17.290), then the
  // readings a longer one covered ("smokes" F17.200 under it).
  const own = excluded.filter(isNarrativeReading);
  // A reading of the history stands beside a code read from the same history ("end-stage renal
  // disease on dialysis, hypertension" in the past history: I12.0 asks for the N18.6 it covered).
  const covered = alternatives.filter(
    (a) => a.system === 'ICD-10-CM' && (a.assertion === 'present' || a.assertion === 'historical'),
  );
  for (const c of claim) {
    if (c.system !== 'ICD-10-CM') continue;
    const asks = asksOf(pack, c.code);
    const onClaim = (p: string) => list.some((s) => s.code.startsWith(p));
    let pick: Suggestion | undefined;
    const wanted = asks.sets.filter((set) => !set.some((p) => onClaim(p) || c.code.startsWith(p))).flat();
    // A covered reading counts only where it reads the asking code's own words ("CHF" under
    // "hypertensive heart failure"): elsewhere it is a guess the note never settled on.
    const pool = [
      ...own,
      ...covered.filter((a) => overlaps(a, c) && (a.assertion === 'present' || c.assertion === a.assertion)),
    ];
    if (wanted.length > 0)
      pick = pool.find((s) => !used.includes(s) && !onClaim(s.code) && wanted.some((p) => s.code.startsWith(p)));
    if (!pick && asks.further) {
      pick = pool.find(
        (s) =>
          !used.includes(s) && !onClaim(s.code) && s.code[0] === c.code[0] && !/^[ST]/.test(s.code) && overlaps(s, c),
      );
    }
    if (!pick) continue;
    // Two codes of one subcategory read from the very same words (R97.20 "elevated PSA" and R97.21
    // "rising PSA following treatment"): the note does not settle which, so neither is added.
    const chosen = pick;
    const key = (x: Suggestion) => x.evidence.map((e) => `${e.start}-${e.end}`).join(',');
    if (
      [...own, ...covered].some(
        (x) => x.code !== chosen.code && x.code.slice(0, 5) === chosen.code.slice(0, 5) && key(x) === key(chosen),
      )
    )
      continue;
    used.push(pick);
    const at = list.indexOf(c);
    list = [
      ...list.slice(0, at + 1),
      {
        ...pick,
        reason: {
          ...pick.reason,
          note: `${c.code} asks for an additional code and the note documents ${pick.code} (Tabular "use additional code"; Guidelines I.A.12-13)`,
        },
      },
      ...list.slice(at + 1),
    ];
  }
  return { claim: list, used };
}

/**
 * Both codes already on the claim: the code whose note asks for the other is sequenced before it
 * (Tabular "use additional code": the underlying condition first, I.A.13). "BPH with urinary
 * obstruction" reports N40.1, then the obstruction its note names (N32.0), whatever order the
 * note wrote them in. Only notes that name codes (not "to identify the organism" ranges of B95-B97
 * or external causes, which come after by themselves) and only ICD-10-CM codes move.
 */
function askingFirst(pack: CodePack, claim: Suggestion[]): Suggestion[] {
  const list = [...claim];
  for (const c of claim) {
    if (c.system !== 'ICD-10-CM') continue;
    // The code's own notes (its category or below): a section's or chapter's note lists associated
    // conditions to add ("presence of hypertension" under I20-I25), it does not sequence them.
    const asked = instructionNotes(pack, c.code, ['useAdditionalCode'])
      .filter((n) => c.code.startsWith(n.from))
      .flatMap((n) => n.codes);
    if (asked.length === 0) continue;
    const at = list.indexOf(c);
    const first = list.findIndex(
      (s, i) => i < at && s.system === 'ICD-10-CM' && s.code !== c.code && asked.some((p) => s.code.startsWith(p)),
    );
    if (first < 0) continue;
    list.splice(at, 1);
    list.splice(first, 0, c);
  }
  return list;
}
