import { useEffect, useState } from 'react';
import { modifiersOf } from '@/lib/review';

interface Props {
  code: string;
  value: string[];
  onChange: (modifiers: string[]) => void;
}

/**
 * A service line's modifiers as the coder types them ("25 59", "25,59", "25-59"): the text stays as
 * typed (a space or comma between two modifiers is not swallowed), the line gets what it reads as.
 * Whether each is a modifier is the shared code-list parser's answer, a finding on the summary.
 */
export function ModifiersInput({ code, value, onChange }: Props) {
  const [text, setText] = useState(value.join(' '));
  // A value set from outside (a restored review, another chart) replaces the text typed.
  const stored = value.join(' ');
  useEffect(() => {
    setText((t) => (modifiersOf(t).join(' ') === stored ? t : stored));
  }, [stored]);
  return (
    <input
      aria-label={`Modifiers for ${code}`}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(modifiersOf(e.target.value));
      }}
      size={8}
      maxLength={32}
    />
  );
}
