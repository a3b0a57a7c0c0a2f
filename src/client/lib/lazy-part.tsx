import { lazy, Suspense, type ComponentType, type JSX } from 'react';

/**
 * A component whose code is a chunk of its own, drawn once that code is here (nothing before, the rest of the
 * page unaffected): for the dialogs and panels that a page's first paint does not need (issue #10: the first
 * load on a slow network). The download starts when the component is first rendered.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element {
  const Part = lazy(async () => ({ default: await load() }));
  return function LazyPart(props: P) {
    return (
      <Suspense fallback={null}>
        <Part {...props} />
      </Suspense>
    );
  };
}
