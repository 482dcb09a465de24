package wasimoff.eval.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * Vertical bars, each with an error bar from its interval's low to its high bound. JFreeChart's
 * statistical renderer draws mean plus or minus one value; a bar here is a median and its interval a
 * confidence interval of the mean, which need not be symmetric about the bar.
 */
final class ErrorBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;

    private final Map<List<Comparable<?>>, double[]> intervals = new HashMap<>();

    ErrorBarRenderer() {
        setBarPainter(new StandardBarPainter());
        setShadowVisible(false);
        setItemMargin(0.05);
    }

    /** Draws an error bar from {@code low} to {@code high} on the bar of {@code series} and {@code category}. */
    void interval(Comparable<?> series, Comparable<?> category, double low, double high) {
        intervals.put(List.of(series, category), new double[] {low, high});
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        double[] interval = intervals.get(List.of(dataset.getRowKey(row), dataset.getColumnKey(column)));
        int visibleRow = state.getVisibleSeriesIndex(row);
        if (interval == null || interval[0] == interval[1] || visibleRow < 0 || pass != getPassCount() - 1) {
            return;
        }
        double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column)
                + state.getBarWidth() / 2;
        RectangleEdge edge = plot.getRangeAxisEdge();
        double low = rangeAxis.valueToJava2D(interval[0], dataArea, edge);
        double high = rangeAxis.valueToJava2D(interval[1], dataArea, edge);
        double cap = Math.max(2, state.getBarWidth() / 4);
        g2.setPaint(Color.BLACK);
        g2.setStroke(new BasicStroke(1.2f));
        g2.draw(new Line2D.Double(x, low, x, high));
        g2.draw(new Line2D.Double(x - cap, low, x + cap, low));
        g2.draw(new Line2D.Double(x - cap, high, x + cap, high));
    }

    @Override
    public Range findRangeBounds(CategoryDataset dataset, boolean includeInterval) {
        Range range = super.findRangeBounds(dataset, includeInterval);
        for (double[] interval : intervals.values()) {
            range = Range.expandToInclude(Range.expandToInclude(range, interval[0]), interval[1]);
        }
        return range;
    }
}
