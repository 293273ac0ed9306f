// The page's title line (an <h1> for screen readers) with optional subtitle and actions.
import type { ReactNode } from 'react';

export function PageHeader({
  title,
  sub,
  extra,
}: {
  title: ReactNode;
  sub?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div className="jx-page-head">
      <h1>
        {title}
        {sub && <span className="jx-page-sub">{sub}</span>}
      </h1>
      {extra && <div className="jx-page-extra">{extra}</div>}
    </div>
  );
}
