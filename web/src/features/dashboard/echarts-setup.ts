// Only the parts of ECharts the dashboard draws with, so its chunk stays as small as it can.
import { BarChart, HeatmapChart, LineChart, SankeyChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, HeatmapChart, SankeyChart, GridComponent, TooltipComponent, LegendComponent,
  VisualMapComponent, MarkAreaComponent, AriaComponent, CanvasRenderer]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;
