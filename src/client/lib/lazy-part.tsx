import { lazy, Suspense, type ComponentType, type JSX } from 'react';

/** A component from a chunk of its own; `preload()` fetches its code before it is first drawn. */
export type LazyPart<P> = ((props: P) => JSX.Element) & { preload: () => void };

/**
 * A component whose code is a chunk of its own, drawn once that code is here (nothing before, the rest of the
 * page unaffected): for the dialogs and panels that a page's first paint does not need (issue #10: the first
 * load on a slow network). The download starts when the component is first drawn or preloaded.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const fetchCode = () =>
    (loading ??= load().then(
      (c) => ({ default: c }),
      (err: unknown) => {
        loading = undefined; // a failed download is tried again when next drawn
        throw err;
      },
    ));
  const Part = lazy(fetchCode);
  function LazyPart(props: P) {
    return (
      <Suspense fallback={null}>
        <Part {...props} />
      </Suspense>
    );
  }
  return Object.assign(LazyPart, { preload: () => void fetchCode().catch(() => undefined) });
}
