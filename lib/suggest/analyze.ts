import type { Setting } from '../domain/setting';
import type { CodePack } from '../pack/code-pack';
import { doubtedInPart, unhideStated } from './uncertain-hider';
import { describesPatient, statementRoles } from './statement-role';
import { lacksNeededWord } from './needed-words';
import { ASSERTION_PRIORITY as PRIORITY, applyContext, type Assertion } from '../text/context';
import { expandTokens, impliedToken, type ExpandedToken } from '../text/expand';
import { parseDocument, type Statement } from '../document/document';
import type { SectionRole } from '../document/schema';
import { fold, tokenize, type Token } from '../text/tokens';
import { isNewborn } from './newborn';
import { applyAssertion, withHcc } from './assertion-outcome';
import { claimOrder } from './claim-order';
import { bindQualifiers, type Dictionary } from './dictionary';
import { dictionaryFor } from './dictionary-build';
import { keepMaximal, matchSentenceAll, type TermMatch } from './matcher';
import { splitCoordinated } from './coordination';
import { impliedSpinalRegions } from '../text/spine-levels';
import { refineToBillable } from './refine';
import {
  bilateralFromElsewhere,
  impliedSides,
  isImpliedBilateral,
  lateralize,
  nearSide,
  ownSide,
  sidesOf,
} from './lateralize';
import { qualifierStems } from './clause';
import { indicationRole } from './medication-indication';
import { datedButTreatedNow, evaluatedSymptom, treatedNow } from './current-treatment';

/** Presence of a joint implant (Z96.6-), read from a two-word convention phrase. */
const JOINT_IMPLANT = /^Z96\.6/;
import type { SentenceSpan } from './drug-injections';
import { assembleClaim } from './claim-assembly';
import { pastByOperation } from './treated-by-operation';
import { planTreats } from './plan-treats';
import { SECTION_ASSERTION } from './section-assertion';
import type { Analysis, Suggestion } from './schema';
import { aggregateMentions, mergeSpans, type Mention } from './mentions';

/** Secondary malignant neoplasms (C77-C79, secondary neuroendocrine C7B). */
const SECONDARY_NEOPLASM = /^C(?:7[7-9]|7B)/;
import { applyDocumentedDiabetesType } from './diabetes-type';

export interface AnalyzeOptions {
  setting?: Setting;
  dateOfService?: string;
}

/** Words that place a sentence in the present visit rather than the patient's history. */
const PRESENT_TIME = /\b(?:today|presently|currently|at present|now)\b/i;

/** Sentences longer than this are matched in windows: keeps a 1 MB note in bounded time. */
const MAX_SENTENCE_TOKENS = 120;

export class NoteAnalyzer {
  readonly pack: CodePack;
  readonly dict: Dictionary;

  constructor(pack: CodePack, dict?: Dictionary) {
    this.pack = pack;
    this.dict = dict ?? dictionaryFor(pack);
  }

  analyze(text: string, opts: AnalyzeOptions = {}): Analysis {
    const t0 = performance.now();
    const setting = opts.setting ?? 'office';
    const release = this.pack.currentIcdRelease;
    if (!release) throw new Error('the code pack holds no ICD-10-CM release with titles');
    const mentions: Mention[] = [];
    const sentenceSpans: SentenceSpan[] = [];
    let sentenceCount = 0;
    let tokenCount = 0;
    const doc = parseDocument(text);
    const order = claimOrder(doc.statements);
    const newborn = isNewborn(doc);
    const roleOf = statementRoles(doc);
    for (const st of doc.statements) {
      sentenceSpans.push({ start: st.start, end: st.end, section: st.section.kind });
      const all = tokenize(doc.view, st.start, st.end);
      tokenCount += all.length;
      for (let from = 0; from < all.length; from += MAX_SENTENCE_TOKENS) {
        sentenceCount++;
        this.sentence(
          all.slice(from, from + MAX_SENTENCE_TOKENS),
          st,
          roleOf(st),
          order.get(st.index)!,
          text,
          setting,
          newborn,
          mentions,
        );
      }
    }
    applyDocumentedDiabetesType(this.pack, mentions, text);
    const aggregated = aggregateMentions(this.pack, mentions, text, release.label);
    const { suggestions, alternatives, excluded } = assembleClaim(
      this.pack,
      this.dict,
      doc,
      aggregated,
      release.label,
      sentenceSpans,
    );
    // Risk adjustment: the CMS-HCC V28 category of each diagnosis the mapping covers.
    const hccOf = (list: Suggestion[]) => list.map((s) => (s.system === 'ICD-10-CM' ? withHcc(this.pack, s) : s));
    return {
      setting,
      release: {
        system: 'ICD-10-CM',
        label: release.label,
        effectiveFrom: release.effectiveFrom,
        effectiveTo: release.effectiveTo,
      },
      warnings: opts.dateOfService
        ? this.pack.dateWarnings(opts.dateOfService).filter((w) => w.startsWith('ICD-10-CM'))
        : [],
      suggestions: hccOf(suggestions),
      alternatives,
      excluded,
      stats: {
        characters: text.length,
        sentences: sentenceCount,
        tokens: tokenCount,
        ms: Number((performance.now() - t0).toFixed(2)),
      },
    };
  }

  private sentence(
    tokens: Token[],
    st: Statement,
    role: SectionRole,
    order: number,
    text: string,
    setting: Setting,
    newborn: boolean,
    out: Mention[],
  ): void {
    const sectionName = st.section.kind;
    if (tokens.length === 0) return;
    const ctx = applyContext(tokens);
    const exp = bindQualifiers(expandTokens(tokens), (t, stem) => ({ ...t, stem }));
    // A surgical or past-history list states what the patient has had: "Cholecystectomy." there
    // reads as the Index's "Status (post), cholecystectomy" (I.C.21.c.3 status codes).
    const implied = (norm: string): ExpandedToken => impliedToken({ ...tokens[0]!, source: 0 }, norm);
    // A sentence of the history about the present ("Presentation today …, presently on mechanical
    // ventilation") is no such list: nothing in it is a status left by earlier care.
    const aboutNow = PRESENT_TIME.test(text.slice(st.start, st.end));
    if ((st.section.role === 'status' || st.section.role === 'history') && !aboutNow) exp.push(implied('status'));
    // The patient is a newborn: the Index's "newborn" subterms apply ("Hypertension, pulmonary,
    // of newborn" P29.30; "Infection, skin, newborn" P39.4; Guidelines I.C.16.a).
    if (newborn) exp.push(implied('newborn'));
    for (const side of impliedSides(exp)) exp.push(implied(side));
    exp.push(...impliedSpinalRegions(exp, text));
    const all = matchSentenceAll(exp, this.dict);
    // Readings that straddle a coordinated list are set aside, whether or not a longer reading hid
    // them; the matches only they hid are read again ("hypertension, …, pulmonary disease").
    const { moved: apart } = splitCoordinated([...all.kept, ...all.covered], exp, text, new Set(all.kept));
    const sidesElsewhere = [...all.kept, ...all.covered].filter((m) => bilateralFromElsewhere(m.positions, exp));
    const moved = [
      ...apart,
      ...sidesElsewhere.filter((m) => !apart.includes(m)),
      ...doubtedInPart([...all.kept, ...all.covered], exp, ctx).filter(
        (m) => !apart.includes(m) && !sidesElsewhere.includes(m),
      ),
    ];
    const rest =
      moved.length === 0
        ? all
        : keepMaximal(
            [...all.kept, ...all.covered].filter((m) => !moved.includes(m)),
            this.dict,
            exp,
          );
    const stated = unhideStated(
      rest.kept.filter((m) => this.sameWord(m, exp)),
      [...moved, ...rest.covered.filter((m) => this.sameWord(m, exp))],
      exp,
      ctx,
    );
    const { kept, covered } = stated;
    if (kept.length === 0) return;
    const matches = [...kept, ...covered.map((m) => ({ ...m, alternative: true }))];
    const stems = new Set(exp.filter((t) => !isImpliedBilateral(t)).map((t) => t.stem));
    const norms = new Set(exp.map((t) => t.norm));
    const sectionAssertion = SECTION_ASSERTION[sectionName];
    for (const m of matches as (TermMatch & { alternative?: boolean })[]) {
      const term = this.dict.term(m.term);
      // A replaced joint is read as a phrase ("knee replacement"): the words of two joints in a
      // list ("right total knee replacement in April 2004, hip fracture") are not a hip implant.
      if (
        term.kind === 'guideline' &&
        JOINT_IMPLANT.test(term.code) &&
        Math.max(...m.positions) - Math.min(...m.positions) > m.positions.length + 1
      )
        continue;
      if (lacksNeededWord(term.code, norms)) continue;
      const sources = [...new Set(m.positions.map((p) => exp[p]!.source))].sort((a, b) => a - b);
      // Words the term expects absent ("vein" of "Thrombosis (vein) NOS" after "No") never excuse
      // a word the term requires from the same written word ("No history of DVT").
      const optionalAbsent = new Set(m.expectedAbsent ?? []);
      const requiredSources = new Set(m.positions.filter((p) => !optionalAbsent.has(p)).map((p) => exp[p]!.source));
      const expectedAbsent = new Set(
        [...optionalAbsent].map((p) => exp[p]!.source).filter((s) => !requiredSources.has(s)),
      );
      let assertion: Assertion = 'present';
      for (const i of sources) {
        if (expectedAbsent.has(i)) continue;
        const a = ctx.assertionOf(i);
        if (PRIORITY.indexOf(a) < PRIORITY.indexOf(assertion)) assertion = a;
      }
      if (assertion === 'historical' && datedButTreatedNow(ctx, sources, term.code, text, st)) assertion = 'present';
      if (assertion === 'hypothetical' && evaluatedSymptom(ctx, sources, term.code)) assertion = 'present';
      // "? Atrial fibrillation": a question mark written before the words marks them uncertain (IV.H).
      const questioned =
        assertion !== 'negated' &&
        /\?\s*$/.test(text.slice(Math.max(0, tokens[sources[0]!]!.start - 3), tokens[sources[0]!]!.start));
      if (questioned && assertion === 'present') assertion = 'possible';
      if (assertion === 'present' && pastByOperation(text, tokens[sources[0]!]!, tokens[sources.at(-1)!]!))
        assertion = 'historical';
      if (
        assertion === 'present' &&
        sectionAssertion &&
        !(sectionAssertion === 'historical' && treatedNow(term.code, text, st))
      )
        assertion = sectionAssertion;
      const qualifiers = qualifierStems(exp, m.positions, stems);
      const refined = refineToBillable(
        this.pack,
        this.dict,
        term.code,
        JOINT_IMPLANT.test(term.code) ? nearSide(exp, m.positions, qualifiers) : ownSide(exp, m.positions, qualifiers),
      );
      const firstStart = m.positions.reduce((a, p) => Math.min(a, exp[p]!.start), Infinity);
      const base: Mention = {
        code: refined.code,
        matched: term.text,
        via: term.kind,
        score: m.score,
        assertion,
        section: sectionName,
        role: indicationRole(role, refined.code, tokens, sources),
        statement: st.index,
        // A secondary neoplasm follows the primary written in the same statement (I.C.2: the
        // primary is first-listed unless the encounter treats only the spread); so does a word
        // describing the patient ("a 67-year-old, obese male who has ...": statement-role.ts).
        order:
          order +
          firstStart / 1e7 +
          (SECONDARY_NEOPLASM.test(refined.code) ||
          describesPatient(text.slice(st.start, st.end), firstStart - st.start)
            ? 0.5
            : 0),
        spans: mergeSpans(
          sources.map((i) => ({ start: tokens[i]!.start, end: tokens[i]!.end })),
          text,
        ),
        ...(refined.from ? { refinedFrom: refined.from, refinedBy: refined.by } : {}),
        ...(m.alternative ? { alternative: true } : {}),
        ...(questioned ? { questioned } : {}),
        ...(role === 'plan' ? planTreats(text.slice(st.start, st.end)) : {}),
        ...(st.item !== undefined ? { item: `${st.section.start}:${st.item}` } : {}),
      };
      for (const code of lateralize(this.pack, refined.code, sidesOf(exp, m.positions, stems))) {
        const sided =
          code === refined.code
            ? base
            : {
                ...base,
                code,
                refinedFrom: refined.from ?? term.code,
                refinedBy: [...refined.by, 'both sides documented (Guidelines I.B.13)'],
              };
        out.push(applyAssertion(this.pack, this.dict, sided, setting));
      }
    }
  }

  /**
   * A one-word Index entry ("Abnormity", "Teething", "Personality") is matched by that word, not
   * by another word the stemmer folds onto it ("abnormal", "teeth", "person"): with no subterm
   * to confirm the sense, only the word itself (or its plural) names the condition.
   */
  private sameWord(m: TermMatch, exp: ExpandedToken[]): boolean {
    if (this.dict.kindOf(m.term) !== 'index' || this.dict.requiredIds(m.term).length !== 1) return true;
    // "Infection, infected, infective": any of the main term's own forms.
    const forms = fold(this.dict.textOf(m.term).trim()).split(/,\s*/);
    if (forms.some((f) => /\s/.test(f))) return true;
    const isForm = (w: string) => forms.some((f) => w === f || w === `${f}s` || `${w}s` === f || w === `${f}es`);
    // A synonym that writes the form at the same word counts ("obese" is read as "obesity").
    const synonymForm = (source: number) => exp.some((t) => t.source === source && t.expanded && isForm(t.norm));
    return m.positions.some((p) => exp[p]!.expanded || isForm(exp[p]!.norm) || synonymForm(exp[p]!.source));
  }
}
