/** The panel's engine chunk (engine.ts): imported once per page, with the page's own code pack. */
export type Engine = typeof import('./engine');

let pending: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
  pending ??= import('./engine');
  return pending;
}
