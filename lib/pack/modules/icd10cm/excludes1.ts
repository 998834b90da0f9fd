import { undotIcd } from '../../../codesets/code-format';
import type { TabularNotes } from '../../../codesets/icd10cm/tabular-xml';
import { releaseLabels, releaseOrder } from '../../../domain/releases';
import type { DecodedPack } from '../../container';
import type { Excludes1Pair } from '../../sections';
import type { PackModule, ParsedFile } from '../module';
import { fullTabulars, notesExtractions } from './tabular';

/** (holder code, excluded code ranges, note text, release) read from the Excludes1 notes ('excludes1'). */
export const EXCLUDES1_SECTION = 'excludes1';

/*
 * Excludes1 notes name the excluded codes in parentheses: "(E10.-)", "(E08-E13)", "(N23)",
 * "(O24.-, O99.81-)". A trailing "-" or ".-" means "and every code below it".
 */
// A dash right before another code is a range (E08-E13), not the "and below" mark (E10.-).
const REF =
  /([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:\.?-(?!\s*[A-Z][0-9]))?(?:\s*-\s*([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:\.?-)?)?/g;

export function excludedRanges(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const paren of text.match(/\(([^()]*)\)/g) ?? []) {
    for (const m of paren.matchAll(REF)) {
      const start = undotIcd(m[1] as string);
      const end = m[2] ? undotIcd(m[2]) : start;
      out.push([start, end]);
    }
  }
  return out;
}

/** Does an (undotted) code fall in an inclusive prefix range? "E1122" is in ["E08","E13"]. */
export function inPrefixRange(code: string, [start, end]: [string, string]): boolean {
  return code >= start && (code <= end || code.startsWith(end));
}

export const excludes1Module: PackModule = {
  name: 'ICD-10-CM Excludes1 pairs',
  parsers: {},
  write(files, ctx) {
    const pairs: Excludes1Pair[] = [];
    const collect = (p: ParsedFile, nodes: { code: string; notes: TabularNotes }[]) => {
      for (const node of nodes) {
        for (const text of node.notes.excludes1 ?? []) {
          const targets = excludedRanges(text);
          if (targets.length > 0) pairs.push({ from: node.code, targets, text, release: p.info.release });
        }
      }
    };
    for (const t of fullTabulars(files)) collect(t, t.content.diags);
    for (const p of notesExtractions(files)) collect(p, p.content.nodes);
    ctx.counts.excludes1Pairs = pairs.length;
    return pairs.length ? [{ name: EXCLUDES1_SECTION, encoding: 'json', data: pairs }] : [];
  },
};

/** The Excludes1 pairs of a pack, by notes release. */
export class Excludes1Table {
  private readonly labels: string[];
  /** Pairs by release and undotted holder code: a lookup walks a code's prefixes, not every note. */
  private readonly byHolder = new Map<string, Excludes1Pair[]>();

  private constructor(private readonly pairs: Excludes1Pair[]) {
    this.labels = releaseLabels(pairs);
    for (const p of pairs) {
      const key = `${p.release}|${undotIcd(p.from)}`;
      const list = this.byHolder.get(key);
      if (list) list.push(p);
      else this.byHolder.set(key, [p]);
    }
  }

  /** The pairs of `release` whose holder is `code` (undotted) or one of its ancestors. */
  private held(release: string | undefined, code: string): Excludes1Pair[] {
    const out: Excludes1Pair[] = [];
    for (let n = 1; n <= code.length; n++) out.push(...(this.byHolder.get(`${release}|${code.slice(0, n)}`) ?? []));
    return out;
  }

  static read(raw: DecodedPack): Excludes1Table {
    return new Excludes1Table(raw.json<Excludes1Pair[]>(EXCLUDES1_SECTION) ?? []);
  }

  /**
   * Excludes1 notes that pair two reported diagnoses (either direction), from one notes release:
   * the newest one not after `release` (an ICD-10-CM label such as "FY2026"), else the newest.
   */
  between(a: string, b: string, release: string | undefined): Excludes1Pair[] {
    const chosen =
      (release ? this.labels.filter((l) => releaseOrder(l, release) <= 0).at(-1) : undefined) ?? this.labels.at(-1);
    const ua = undotIcd(a);
    const ub = undotIcd(b);
    // In the notes' own order, each pair once (a pair may hold for both directions).
    const found = new Set([
      ...this.held(chosen, ua).filter((p) => p.targets.some((t) => inPrefixRange(ub, t))),
      ...this.held(chosen, ub).filter((p) => p.targets.some((t) => inPrefixRange(ua, t))),
    ]);
    return found.size === 0 ? [] : this.pairs.filter((p) => found.has(p));
  }
}
