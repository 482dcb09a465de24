package wasimoff.eval.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import wasimoff.eval.load.RunSummary;

/** Response time (p50, p95, p99, corrected) against achieved throughput, with the knee marked. */
public final class KneeChart {
    private KneeChart() {
    }

    /** {@code runs} are open-loop runs; their percentiles are measured from the intended send times. */
    public static Path write(List<RunSummary> runs, Double kneeRate, String title, Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (double p : List.of(0.5, 0.95, 0.99)) {
            XYSeries s = new XYSeries("p" + Math.round(p * 100), false);
            runs.forEach(r -> s.add(r.successesPerSecond(), Math.max(0.01, r.percentileMillis(p))));
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "achieved throughput [req/s]",
                "response time [ms]", data, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setRangeAxis(new LogAxis("response time [ms] (log scale, corrected)"));
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (kneeRate != null) {
            ValueMarker knee = new ValueMarker(kneeRate);
            knee.setPaint(Color.GRAY);
            knee.setLabel("knee");
            chart.getXYPlot().addDomainMarker(knee);
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 520);
        return png;
    }
}
