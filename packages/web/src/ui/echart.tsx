// An ECharts chart that loads echarts (tree-shaken echarts/core) only when a chart is on the page.
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

const FONT =
  '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/** Every chart uses the UI's CJK font (the canvas would otherwise follow the page language's default). */
function withFont(o: EChartsCoreOption): EChartsCoreOption {
  return { textStyle: { fontFamily: FONT }, ...o };
}

type Chart = {
  setOption: (o: EChartsCoreOption, notMerge?: boolean) => void;
  resize: () => void;
  dispose: () => void;
};

export function EChart({
  option,
  height = 300,
  label,
  testId,
}: {
  option: EChartsCoreOption;
  height?: number;
  label: string;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import('./echarts-setup.ts').then(({ echarts }) => {
      if (disposed || !el.current) {
        return;
      }
      const c = echarts.init(el.current, undefined, {
        renderer: 'canvas',
        locale: document.documentElement.lang === 'en' ? 'EN' : 'ZH',
      });
      chart.current = c;
      c.setOption(withFont(latest.current), true);
      observer = new ResizeObserver(() => c.resize());
      observer.observe(el.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(withFont(option), true);
  }, [option]);

  return (
    <div
      ref={el}
      className="jx-chart"
      style={{ height }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
