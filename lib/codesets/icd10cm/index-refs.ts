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

function pieces(target: string): string[] {
  return normalizeTerm(target)
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

export function resolveIndexRefs(entries: IndexEntry[]): { refs: ResolvedRef[]; stats: RefStats } {
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
  // deeper one); a subterm written with alternatives ("femur, femoral") answers to each of them.
  const below = new Map<number, Map<string, number>>();
  const findBelow = (node: number, name: string): number | undefined => {
    let names = below.get(node);
    if (!names) {
      names = new Map();
      const alts: [string, number][] = [];
      let level = children[node]!;
      while (level.length) {
        for (const c of level) {
          const t = titleOf(c);
          if (!names.has(t)) names.set(t, c);
          for (const alt of t.split(',')) alts.push([alt.trim().replace(/-$/, ''), c]);
        }
        level = level.flatMap((c) => children[c]!);
      }
      for (const [alt, c] of alts) if (alt && !names.has(alt)) names.set(alt, c);
      below.set(node, names);
    }
    return names.get(name);
  };

  const walk = (node: number, rest: string[]): number | undefined => {
    if (rest.length === 0) return node;
    for (let j = rest.length; j >= 1; j--) {
      const child = findBelow(node, rest.slice(0, j).join(', '));
      if (child === undefined) continue;
      const found = walk(child, rest.slice(j));
      if (found !== undefined) return found;
    }
    return undefined;
  };

  const resolve = (target: string, hops: number): string[] | undefined => {
    const p = pieces(target);
    for (let k = p.length; k >= 1; k--) {
      const name = p.slice(0, k).join(', ');
      const mains = exact.get(name) ?? (k === 1 ? alternative.get(name) : undefined);
      for (const main of mains ?? []) {
        const node = walk(main, p.slice(k));
        if (node === undefined) continue;
        const e = entries[node]!;
        if (e.codes.length) return e.codes;
        const further = e.see && hops < MAX_HOPS ? resolve(e.see, hops + 1) : undefined;
        if (further) return further;
      }
    }
    return undefined;
  };

  const refs: ResolvedRef[] = [];
  const stats: RefStats = { see: 0, seeResolved: 0, seeAlso: 0, seeAlsoResolved: 0 };
  entries.forEach((e, i) => {
    if (e.codes.length) return;
    if (e.see) {
      stats.see++;
      const codes = resolve(e.see, 0);
      if (codes) {
        stats.seeResolved++;
        refs.push({ entry: i, via: 'see', target: e.see, codes });
      }
    } else if (e.seeAlso && children[i]!.length === 0) {
      // "see also" on a term with neither code nor subterms: the other term is where the code is.
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
