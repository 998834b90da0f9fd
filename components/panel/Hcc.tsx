import { hccOfDiagnoses, hccText } from '@/lib/audit/hcc';
import type { CodePack } from '@/lib/pack/code-pack';
import type { Suggestion } from '@/lib/suggest/schema';

/**
 * A diagnosis's CMS-HCC V28 category in the words `check` and the audit report use
 * (lib/audit/hcc: "HCC 37: Diabetes with Chronic Complications"), from this page's pack; before it
 * is loaded, from the category the analyzer put on the suggestion. Undefined when the mapping gives
 * the code none (most codes): a risk-adjusted plan pays nothing extra for it.
 */
export function hccLabel(code: string, pack: CodePack | undefined, suggested?: Suggestion['hcc']): string | undefined {
  if (pack) {
    const [h] = hccOfDiagnoses([code], pack);
    return h ? hccText(h) : undefined;
  }
  return suggested ? hccText({ ...suggested, categories: [suggested.category] }) : undefined;
}

/** The label as a tag next to a code (nothing when the code has no category). */
export function HccTag({ label }: { label: string | undefined }) {
  return label ? (
    <span className="hcc" data-hcc>
      {label}
    </span>
  ) : null;
}
