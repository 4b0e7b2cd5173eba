// Draws an ECharts option into a div, follows the div's size, and hands clicks to the page.
import { useEffect, useRef } from 'react';
import { echarts, type EChartsOption } from './echarts-setup';

type Chart = ReturnType<typeof echarts.init>;

export interface ChartHandlers {
  /** A click on a bar, point or cell. */
  onItemClick?(params: { name: string; seriesName?: string; dataIndex: number; data: unknown; value: unknown }): void;
  /** A click anywhere in the plot, in the chart's own coordinates (for zones). */
  onPlotClick?(chart: Chart, pixel: [number, number]): void;
}

export function useChart(option: EChartsOption | null, handlers: ChartHandlers = {}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => latest.current.onItemClick?.(params as never));
    instance.getZr().on('click', (event) => latest.current.onPlotClick?.(instance, [event.offsetX, event.offsetY]));
    // Marks the chart drawn once a frame with data has been painted, for the benchmark and the tests.
    instance.on('rendered', () => { if (instance.getOption()?.series) el.dataset.drawn = 'true'; });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!option || !chart.current) return;
    chart.current.setOption(option, { notMerge: true });
  }, [option]);

  return element;
}
