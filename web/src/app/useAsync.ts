import { type DependencyList, useEffect, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: Error; data: T | null };

/** Runs `load` whenever deps change; a newer run's result always wins over an older, slower one. */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): AsyncState<T> & { reload(): void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading', data: null });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to reload
  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ status: 'loading', data: s.data }));
    load(ctrl.signal).then(
      (data) => {
        if (!ctrl.signal.aborted) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted)
          setState((s) => ({
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
            data: s.data,
          }));
      },
    );
    return () => ctrl.abort();
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}
