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

/** A waterfall of a request's steps (milliseconds), ending in their total. */
public final class WaterfallChart {
    private WaterfallChart() {
    }

    public static Path write(Map<String, Double> stepsMs, String title, Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double total = 0;
        for (var e : stepsMs.entrySet()) {
            data.addValue(e.getValue(), "ms", e.getKey());
            total += e.getValue();
        }
        data.addValue(total, "ms", "end to end");
        JFreeChart chart = ChartFactory.createWaterfallChart(title, "step", "time [ms]", data,
                PlotOrientation.HORIZONTAL, false, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 520);
        return png;
    }
}
