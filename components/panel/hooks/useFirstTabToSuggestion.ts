import { useEffect } from 'react';

/**
 * Keyboard: the first Tab into the panel lands on the first suggestion (the coder's next step),
 * not on the release line and the date field above it. Only from nowhere (focus on the body):
 * after that Tab and Shift+Tab follow the page's order, so the toolbar stays one Shift+Tab away.
 */
export function useFirstTabToSuggestion(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
      if (document.activeElement && document.activeElement !== document.body) return;
      const first = document.querySelector<HTMLElement>('li[data-row]');
      if (!first) return;
      e.preventDefault();
      first.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
