import type { CodePack } from '@/lib/pack/code-pack';
import type { Decision } from '@/lib/review';
import type { Analysis, Suggestion } from '@/lib/suggest/schema';
import type { FrameCapture } from '@/utils/tab-link';
import { SuggestionList } from './SuggestionList';

interface Props {
  note: FrameCapture;
  analysis: Analysis | undefined;
  decisions: Record<string, Decision>;
  /** This page's code pack; until it is loaded no "Replace with…" is offered. */
  pack: CodePack | undefined;
  /** Undefined until the review is open: the suggestions are shown, not yet decided. */
  onDecide: ((s: Suggestion, d: Decision | undefined) => void) | undefined;
  onShow: (spans: { start: number; end: number }[] | undefined) => void;
}

/** Where the note came from, the suggested diagnoses and procedures, and what was considered but not coded. */
export function NoteSuggestions({ note, analysis, decisions, pack, onDecide, onShow }: Props) {
  const dx = analysis?.suggestions.filter((s) => s.system === 'ICD-10-CM') ?? [];
  const px = analysis?.suggestions.filter((s) => s.system !== 'ICD-10-CM') ?? [];
  const focus = (s: Suggestion | undefined) => onShow(s?.evidence);
  return (
    <>
      <p className="muted" aria-label="Captured note">
        Read {note.text.length.toLocaleString()} characters from {note.label} ({note.source})
        {note.truncated ? ' — truncated at the size limit' : ''}
        {analysis ? ` · analysed in ${analysis.stats.ms.toFixed(0)} ms` : ''}
      </p>
      {analysis && (
        <>
          <SuggestionList
            title="Diagnoses (claim order)"
            items={dx}
            decisions={decisions}
            pack={pack}
            onDecide={onDecide}
            onFocusItem={focus}
          />
          <SuggestionList
            title="Procedures and supplies"
            items={px}
            decisions={decisions}
            pack={pack}
            onDecide={onDecide}
            onFocusItem={focus}
          />
          {dx.length === 0 && <p className="muted">No codable diagnosis found in the captured text.</p>}
          {analysis.excluded.length > 0 && (
            <details>
              <summary>Considered, not coded ({analysis.excluded.length})</summary>
              <ul className="muted">
                {analysis.excluded.map((s) => (
                  <li key={`${s.code}-${s.evidence[0]!.start}`} onMouseEnter={() => onShow(s.evidence)}>
                    <span className="code">{s.code}</span> “{s.evidence[0]!.text}” — {s.reason.note ?? s.assertion}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </>
  );
}
