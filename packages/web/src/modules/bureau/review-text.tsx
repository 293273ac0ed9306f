// The reviewed text, numbered line by line, with each finding's lines tinted by severity and its words marked.
import { useEffect, useMemo, useRef } from 'react';
import type { ReviewFinding } from '../../api/types.ts';

interface LineMark {
  severity: 'high' | 'medium' | 'low';
  excerpts: string[];
  findings: number[];
}

const RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };

export function lineMarks(findings: ReviewFinding[]): Map<number, LineMark> {
  const marks = new Map<number, LineMark>();
  findings.forEach((f, index) => {
    const end = Math.max(f.line, f.endLine ?? f.line);
    for (let n = f.line; n <= end; n++) {
      const m = marks.get(n) ?? { severity: f.severity, excerpts: [], findings: [] };
      if ((RANK[f.severity] ?? 9) < (RANK[m.severity] ?? 9)) {
        m.severity = f.severity;
      }
      m.findings.push(index);
      if (f.excerpt) {
        m.excerpts.push(f.excerpt);
      }
      marks.set(n, m);
    }
  });
  return marks;
}

function Marked({ text, excerpts }: { text: string; excerpts: string[] }) {
  const hit = excerpts
    .map((e) => ({ e, i: text.indexOf(e) }))
    .find((x) => x.i >= 0 && x.e.length > 0);
  if (!hit) {
    return <>{text}</>;
  }
  return (
    <>
      {text.slice(0, hit.i)}
      <mark>{hit.e}</mark>
      {text.slice(hit.i + hit.e.length)}
    </>
  );
}

export function ReviewText({
  text,
  findings,
  active,
}: {
  text: string;
  findings: ReviewFinding[];
  active: number | null;
}) {
  const lines = useMemo(() => text.split(/\r?\n/), [text]);
  const marks = useMemo(() => lineMarks(findings), [findings]);
  const box = useRef<HTMLDivElement>(null);
  const activeLine = active !== null ? findings[active]?.line : undefined;

  useEffect(() => {
    if (activeLine === undefined) {
      return;
    }
    const el = box.current?.querySelector(`[data-line="${activeLine}"]`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [activeLine, active]);

  return (
    <div className="jx-review-text" ref={box} data-testid="review-text" tabIndex={0}>
      {lines.map((line, i) => {
        const n = i + 1;
        const m = marks.get(n);
        const isActive = active !== null && m?.findings.includes(active);
        return (
          <div
            key={n}
            data-line={n}
            className={`jx-review-line${m ? ` sev-${m.severity}` : ''}${isActive ? ' jx-review-active' : ''}`}
          >
            <span className="jx-review-line-no">{n}</span>
            <span className="jx-review-line-text">
              {m ? <Marked text={line} excerpts={m.excerpts} /> : line || '\u00a0'}
            </span>
          </div>
        );
      })}
    </div>
  );
}
