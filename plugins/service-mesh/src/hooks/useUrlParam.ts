import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A value kept in the page URL's query (`?tab=traffic`), so that a link opens
 * the same view; `fallback` when absent or not one of `allowed`.
 *
 * @internal
 */
export function useUrlParam<T extends string>(
  name: string,
  allowed: readonly T[],
  fallback: T,
): [T, (value: T) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(name);
  const value = allowed.find(option => option === raw) ?? fallback;
  const set = useCallback(
    (next: T) =>
      setParams(
        current => {
          const copy = new URLSearchParams(current);
          copy.set(name, next);
          return copy;
        },
        { replace: false },
      ),
    [name, setParams],
  );
  return [value, set];
}
