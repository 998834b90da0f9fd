import type { IndexEntry } from './index-xml';

/**
 * Cross-references of the Alphabetic Index, resolved at compile time. "see" sends the coder to
 * another term that has the code ("Disease, reactive airway — see Asthma"); "see also" names
 * another term worth reading (Guidelines I.A.12.b). A target is written as main term, then
 * subterms, comma-separated: "Pain, chest" or "Disease, kidney, chronic". Main terms may hold
 * commas themselves ("Asthma, asthmatic"; "see Asthma" means that main term), and a target may
 * skip a connective level ("with"), so the walk tries the longest names first and, below the
 * main term, looks deeper when no direct subterm matches.
 */
export interface ResolvedRef {
  /** Index of the referring entry in the file's entry list. */
  entry: number;
  via: 'see' | 'seeAlso';
  target: string;
  codes: string[];
  /**
   * The target's subterms the coder reads on under ("Herniation, nucleus pulposus - see
   * Displacement, intervertebral disc": the target has no code, its "lumbar region" has M51.26):
   * the referring phrase with these words names those codes. Absent when the target has a code.
   */
  under?: string[];
}

export interface RefStats {
  see: number;
  seeResolved: number;
  seeAlso: number;
  seeAlsoResolved: number;
}

const MAX_HOPS = 4;

export function normalizeTerm(s: string): string {
  return s
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * "see Diabetes, by type, with hyperglycemia": "by type" tells the coder to read the type the note
 * documents; the main term's own subterms carry the default type (E11, Guidelines I.C.4.a.2), and
 * a documented type 1 is applied to the note later, so the walk skips the words.
 */
function pieces(target: string): string[] {
  return normalizeTerm(target)
    .replace(/^neoplasm,(?=\S)/, 'neoplasm, ')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'by type');
}

/** The index as a tree: main terms by name (and by each alternative), subterms below each node. */
interface TermTree {
  mains(name: string, alternativesToo: boolean): number[];
  hasSubterms(node: number): boolean;
  /** The node reached from `node` by the subterm names in `rest` (longest names first). */
  walk(node: number, rest: string[]): number | undefined;
  /** The direct subterm of `node` titled exactly `name`. */
  childNamed(node: number, name: string): number | undefined;
  /** The subterms of `node`, in index order. */
  childrenOf(node: number): number[];
}

function termTree(entries: IndexEntry[]): TermTree {
  const children: number[][] = entries.map(() => []);
  const exact = new Map<string, number[]>();
  const alternative = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, i: number) => {
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  };
  const stack: number[] = [];
  entries.forEach((e, i) => {
    stack.length = Math.min(stack.length, e.level);
    const parent = stack[e.level - 1];
    if (e.level > 0 && parent !== undefined) children[parent]!.push(i);
    stack.push(i);
    if (e.level === 0) {
      const name = normalizeTerm(e.path[0] ?? '');
      add(exact, name, i);
      for (const alt of name.split(',').map((x) => x.trim())) if (alt && alt !== name) add(alternative, alt, i);
    }
  });
  const titleOf = (i: number) => normalizeTerm(entries[i]!.path.at(-1) ?? '');

  // Per node, every name below it -> the shallowest subterm so named (a direct subterm wins over a
  // deeper one); a subterm written with alternatives ("femur, femoral") answers to each of them,
  // after the exact names of its own level.
  const below = new Map<number, Map<string, number>>();
  const findBelow = (node: number, name: string): number | undefined => {
    let names = below.get(node);
    if (!names) {
      names = new Map();
      let level = children[node]!;
      while (level.length) {
        const alts: [string, number][] = [];
        for (const c of level) {
          const t = titleOf(c);
          if (!names.has(t)) names.set(t, c);
          // "skin NOS", "connective tissue NEC" answer to "skin", "connective tissue" too.
          for (const alt of [...t.split(','), t.replace(/ (nos|nec)$/, '')])
            alts.push([alt.trim().replace(/-$/, ''), c]);
        }
        for (const [alt, c] of alts) if (alt && !names.has(alt)) names.set(alt, c);
        level = level.flatMap((c) => children[c]!);
      }
      below.set(node, names);
    }
    return names.get(name);
  };

  const walk = (node: number, rest: string[]): number | undefined => {
    if (rest.length === 0) return node;
    for (let j = rest.length; j >= 1; j--) {
      // "see Diabetes, due to, drug or chemical": the index writes the connective and its subterm
      // as one title ("due to drug or chemical").
      const child =
        findBelow(node, rest.slice(0, j).join(', ')) ??
        (j === 2 && rest[0] === 'due to' ? findBelow(node, rest.slice(0, j).join(' ')) : undefined);
      if (child === undefined) continue;
      const found = walk(child, rest.slice(j));
      if (found !== undefined) return found;
    }
    // "see Diabetes, by type, with hyperglycemia": the target runs the connective into its subterm,
    // where the index has "with" above "hyperglycemia".
    const joined = /^with (.+)$/.exec(rest[0]!);
    if (joined) return walk(node, ['with', joined[1]!, ...rest.slice(1)]);
    return undefined;
  };
  return {
    mains: (name, alternativesToo) => exact.get(name) ?? (alternativesToo ? (alternative.get(name) ?? []) : []),
    hasSubterms: (node) => children[node]!.length > 0,
    walk,
    childNamed: (node, name) => children[node]!.find((c) => titleOf(c) === name),
    childrenOf: (node) => children[node]!,
  };
}

/** "Neoplasm, skin, benign": the behavior word of a reference to the Table of Neoplasms -> its column. */
const NEOPLASM_COLUMN: [RegExp, string][] = [
  [/^malignant$|^malignant,? primary$|^primary$/, 'malignant primary'],
  [/^secondary$|^malignant,? secondary$/, 'malignant secondary'],
  [/^in situ$|^ca in situ$|^carcinoma in situ$/, 'ca in situ'],
  [/^benign$/, 'benign'],
  [/^uncertain behavior$|^uncertain$/, 'uncertain behavior'],
  [/^unspecified behavior$/, 'unspecified behavior'],
];

/**
 * Resolves the references of one index file. `neoplasmTable`, when given, answers references to
 * the Table of Neoplasms by site and behavior ("see Neoplasm, skin, benign" -> the Benign cell of
 * the skin row); "by site" references name no site and stay unresolved.
 */
export function resolveIndexRefs(
  entries: IndexEntry[],
  neoplasmTable?: IndexEntry[],
): { refs: ResolvedRef[]; stats: RefStats } {
  const tree = termTree(entries);
  const neo = neoplasmTable?.length ? termTree(neoplasmTable) : undefined;

  const fromNeoplasmTable = (p: string[]): string[] | undefined => {
    if (!neo || !/^neoplasm/.test(p[0] ?? '')) return undefined;
    const rest = p.slice(1).filter((x) => x !== 'by site');
    const b = rest.findIndex((x) => NEOPLASM_COLUMN.some(([re]) => re.test(x)));
    if (b < 0) return undefined;
    const column = NEOPLASM_COLUMN.find(([re]) => re.test(rest[b]!))![1];
    const site = rest.filter((_, k) => k !== b);
    if (site.length === 0) return undefined;
    for (const main of neo.mains('neoplasm, neoplastic', false).concat(neo.mains('neoplasm', true))) {
      const node = neo.walk(main, site);
      const cell =
        node === undefined ? undefined : neoplasmTable![node]!.cells?.find((c) => c.column.toLowerCase() === column);
      if (cell) return [cell.code];
    }
    return undefined;
  };

  /**
   * The nodes a target's pieces reach, the longest main-term name first ("Asthma, asthmatic"
   * answers "see Asthma"): the one walk every kind of reference reading below shares.
   */
  function* targetNodes(p: string[]): Generator<number> {
    for (let k = p.length; k >= 1; k--) {
      for (const main of tree.mains(p.slice(0, k).join(', '), k === 1)) {
        const node = tree.walk(main, p.slice(k));
        if (node !== undefined) yield node;
      }
    }
  }

  const resolve = (target: string, hops: number): string[] | undefined => {
    const p = pieces(target);
    const table = fromNeoplasmTable(p);
    if (table) return table;
    for (const node of targetNodes(p)) {
      const e = entries[node]!;
      if (e.codes.length) return e.codes;
      const further = e.see && hops < MAX_HOPS ? resolve(e.see, hops + 1) : undefined;
      if (further) return further;
    }
    return undefined;
  };

  /**
   * "Pain, foot - see Pain, limb, lower": the coder reads on under the target for the word that
   * sent him there ("Pain, limb, lower, foot" M79.67-), when the target has it as a direct subterm
   * with a code of its own.
   */
  const ownSubterm = (e: IndexEntry): string[] | undefined => {
    if (e.path.length < 2 || !e.see) return undefined;
    const own = normalizeTerm(e.path[e.path.length - 1]!);
    for (const node of targetNodes(pieces(e.see))) {
      const child = tree.childNamed(node, own);
      if (child !== undefined && entries[child]!.codes.length) return entries[child]!.codes;
    }
    return undefined;
  };

  /**
   * A target without a code of its own whose subterms carry them ("see Displacement, intervertebral
   * disc": cervical M50.20, lumbar region M51.26, …, with radiculopathy M51.16): the coder reads on
   * under the target for the words of the note (Guidelines I.A.12.a, I.B.1), so each coded subterm
   * below it is a reference with its own words. Subterms that send elsewhere again are left out.
   */
  const readOnUnder = (target: string): { under: string[]; codes: string[] }[] => {
    for (const node of targetNodes(pieces(target))) {
      if (entries[node]!.codes.length || !tree.hasSubterms(node)) continue;
      const depth = entries[node]!.path.length;
      const out: { under: string[]; codes: string[] }[] = [];
      const visit = (n: number) => {
        for (const c of tree.childrenOf(n)) {
          const e = entries[c]!;
          if (e.codes.length) out.push({ under: e.path.slice(depth), codes: e.codes });
          visit(c);
        }
      };
      visit(node);
      if (out.length) return out;
    }
    return [];
  };

  const refs: ResolvedRef[] = [];
  const stats: RefStats = { see: 0, seeResolved: 0, seeAlso: 0, seeAlsoResolved: 0 };
  entries.forEach((e, i) => {
    if (e.codes.length) return;
    if (e.see) {
      stats.see++;
      const codes = ownSubterm(e) ?? resolve(e.see, 0);
      if (codes) {
        stats.seeResolved++;
        refs.push({ entry: i, via: 'see', target: e.see, codes });
      } else if (e.path.length > 1) {
        // Only a subterm's reference: a main term's ("Cocainism - see Dependence, drug, cocaine")
        // would read every subterm of the target beside a word that stems like the substance.
        const below = readOnUnder(e.see);
        if (below.length) stats.seeResolved++;
        for (const b of below) refs.push({ entry: i, via: 'see', target: e.see, codes: b.codes, under: b.under });
      }
    } else if (e.seeAlso && (!tree.hasSubterms(i) || (e.path.length === 1 && /^\s*neoplasm\b/i.test(e.seeAlso)))) {
      // "see also" on a term with neither code nor subterms: the other term is where the code is.
      // A morphology main term ("Leiomyosarcoma - see also Neoplasm, connective tissue, malignant")
      // takes the Table of Neoplasms' code for itself; its subterms keep their own codes.
      stats.seeAlso++;
      const codes = resolve(e.seeAlso, 0);
      if (codes) {
        stats.seeAlsoResolved++;
        refs.push({ entry: i, via: 'seeAlso', target: e.seeAlso, codes });
      }
    }
  });
  return { refs, stats };
}
