// lazyPage(() => import('./x-page.tsx'), 'XPage'): React.lazy for a named export (the codebase has no default exports).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export function lazyPage<M extends object, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    const m = await load();
    return { default: m[name] as ComponentType };
  });
}
