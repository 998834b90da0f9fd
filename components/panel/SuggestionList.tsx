import { useRef, type KeyboardEvent } from 'react';
import type { Suggestion } from '@/lib/suggest/schema';
import type { CodePack } from '@/lib/pack/code-pack';
import type { Decision } from '@/lib/review';
import { hccLabel, HccTag } from './Hcc';

export type { Decision };

interface Props {
  title: string;
  items: Suggestion[];
  decisions: Record<string, Decision>;
  pack: CodePack | undefined;
  /** Undefined while the review opens: the buttons are shown disabled. */
  onDecide: ((s: Suggestion, d: Decision | undefined) => void) | undefined;
  onFocusItem: (s: Suggestion | undefined) => void;
}

/** More specific codes to replace a suggestion with: its billable children, else its billable siblings. */
export function replacements(pack: CodePack, code: string): { code: string; title: string }[] {
  const info = pack.codeInfo(code);
  if (!info) return [];
  const own = info.children.filter((c) => c.billable);
  if (own.length) return own.slice(0, 40);
  const parent = code.includes('.') ? code.slice(0, code.length - 1).replace(/\.$/, '') : undefined;
  const sib = parent ? (pack.codeInfo(parent)?.children.filter((c) => c.billable && c.code !== code) ?? []) : [];
  return sib.slice(0, 40);
}

/**
 * Keyboard-first list: arrow keys move through suggestions, Enter accepts, Delete/Backspace rejects,
 * and focus or hover shows the evidence in the page.
 */
export function SuggestionList({ title, items, decisions, pack, onDecide, onFocusItem }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const move = (e: KeyboardEvent<HTMLLIElement>, i: number) => {
    const rows = listRef.current?.querySelectorAll<HTMLLIElement>('li[data-row]');
    const s = items[i]!;
    if (!onDecide && e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      rows?.[Math.max(0, Math.min(items.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    } else if (e.key === 'Enter' && e.target === e.currentTarget) {
      e.preventDefault();
      onDecide?.(s, decisions[s.code]?.status === 'accepted' ? undefined : { status: 'accepted' });
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && e.target === e.currentTarget) {
      e.preventDefault();
      onDecide?.(s, { status: 'rejected' });
    }
  };
  if (!items.length) return null;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ul ref={listRef} className="suggestions" role="list">
        {items.map((s, i) => {
          const d = decisions[s.code];
          const ev = s.evidence[0]!;
          const reps = pack && onDecide ? replacements(pack, s.code) : [];
          // The category of the code that goes on the claim: the replacement's once one is chosen.
          const hcc = d?.replacedBy ? hccLabel(d.replacedBy, pack) : hccLabel(s.code, pack, s.hcc);
          return (
            <li
              key={s.code}
              data-row
              data-code={s.code}
              tabIndex={0}
              className={`suggestion ${d?.status ?? ''}`}
              aria-label={`${s.code} ${s.description}, ${s.assertion}, score ${s.score.toFixed(2)}${d ? `, ${d.status}` : ''}`}
              onKeyDown={(e) => move(e, i)}
              onFocus={() => onFocusItem(s)}
              onMouseEnter={() => onFocusItem(s)}
              onMouseLeave={() => onFocusItem(undefined)}
            >
              <div className="row">
                <span className="code">{d?.replacedBy ?? s.code}</span>
                <span className="desc">
                  {d?.replacedBy ? `${pack?.titleOf(d.replacedBy) ?? ''} (replaces ${s.code})` : s.description}
                </span>
                <span className="score" title="ranking score">
                  {s.score.toFixed(2)}
                </span>
              </div>
              <div className="muted">
                “{ev.text}” · {s.assertion} · {s.section.replace(/_/g, ' ')}
                {s.reason.refinedBy?.length ? ` · specified by “${s.reason.refinedBy.join(', ')}”` : ''}
                {hcc && ' · '}
                <HccTag label={hcc} />
                {s.reason.note ? ` · ${s.reason.note}` : ''}
              </div>
              <div className="actions">
                <button
                  type="button"
                  disabled={!onDecide}
                  aria-pressed={d?.status === 'accepted'}
                  onClick={() => onDecide?.(s, d?.status === 'accepted' ? undefined : { status: 'accepted' })}
                >
                  {d?.status === 'accepted' ? 'Accepted' : 'Accept'}
                </button>
                <button
                  type="button"
                  disabled={!onDecide}
                  aria-pressed={d?.status === 'rejected'}
                  onClick={() => onDecide?.(s, d?.status === 'rejected' ? undefined : { status: 'rejected' })}
                >
                  Reject
                </button>
                {reps.length > 0 && (
                  <select
                    aria-label={`Replace ${s.code} with a more specific code`}
                    value=""
                    onChange={(e) =>
                      e.target.value && onDecide?.(s, { status: 'accepted', replacedBy: e.target.value })
                    }
                  >
                    <option value="">Replace with…</option>
                    {reps.map((r) => (
                      <option key={r.code} value={r.code}>
                        {r.code} {r.title}
                      </option>
                    ))}
                  </select>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
