import { z } from 'zod';
import templatesData from './data/query-templates.json';
import type { CodePack } from '../pack/code-pack';
import type { Finding } from './schema';

const TemplatesSchema = z.strictObject({
  about: z.string(),
  templates: z.record(z.string(), z.strictObject({ question: z.string(), options: z.array(z.string()).min(1) })),
  always: z.array(z.string()),
});
const T = TemplatesSchema.parse(templatesData);

export interface QueryDraft {
  rule: string;
  question: string;
  options: string[];
  indicators: string[];
}

/** A non-leading, multiple-choice provider query for a documentation finding (none for other kinds). */
export function queryDraft(f: Finding, pack: CodePack): QueryDraft | undefined {
  const t = T.templates[f.rule];
  if (!t) return undefined;
  // Name the condition in words (a query must not lead with a code).
  const condition =
    f.codes
      .filter((c) => c !== 'I10')
      .map((c) =>
        pack
          .codeInfo(c)
          ?.title.replace(/,? unspecified (organism|side|stage|site|type)\b|,? unspecified$|^unspecified /gi, '')
          .toLowerCase(),
      )
      .filter(Boolean)
      .join(' and ') || 'the condition';
  const indicators = [...new Set(f.evidence.map((e) => `"${e.text}"`))];
  const question = t.question
    .replace('{condition}', condition)
    .replace('{indicators}', indicators.join(', ') || 'see the note');
  return { rule: f.rule, question, options: [...t.options, ...T.always], indicators };
}
