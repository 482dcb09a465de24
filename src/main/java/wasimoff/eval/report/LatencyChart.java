package wasimoff.eval.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** A bar chart of round-trip times per location pair: measured next to the catalogue's value. */
public final class LatencyChart {
    private LatencyChart() {
    }

    /**
     * {@code measured} and {@code expected} map a pair label such as {@code nbg1-hil} to milliseconds;
     * {@code measuredLabel} names the measured series in the legend.
     */
    public static Path write(Map<String, Double> measured, String measuredLabel, Map<String, Double> expected,
                             String title, Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        measured.forEach((pair, ms) -> {
            data.addValue(ms, measuredLabel, pair);
            data.addValue(expected.get(pair), "catalogue avg", pair);
        });
        JFreeChart chart = ChartFactory.createBarChart(title, "location pair", "round-trip time [ms]", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 480);
        return png;
    }
}
