package io.cairn.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line chart as a standalone SVG document, drawn here so that a bench report needs no script
 * and no library to be read offline. The x axis is either linear or the percentile axis of
 * HdrHistogram plots ({@link #percentileX}), where 90, 99, 99.9... are equally spaced.
 */
final class SvgChart {
  /** A named line: x in axis units (for a percentile axis, {@link #percentileX}), y in y units. */
  record Series(String name, double[] x, double[] y) {}

  static final int WIDTH_PX = 1200;
  static final int HEIGHT_PX = 460;
  private static final int LEFT_PX = 80;
  private static final int RIGHT_PX = 200;
  private static final int TOP_PX = 40;
  private static final int BOTTOM_PX = 60;
  private static final String[] COLOURS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#7f7f7f", "#bcbd22", "#000000", "#aec7e8", "#98df8a", "#ff9896"
  };

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final boolean percentileAxis;
  private final List<Series> series;
  private final double xMax;
  private final double yMax;
  private final String xUnit;
  private final String yUnit;

  /**
   * @param percentileAxis x values are {@link #percentileX} of percentiles, ticks labelled 90%,
   *     99%...
   */
  SvgChart(
      String title, String xLabel, String yLabel, boolean percentileAxis, List<Series> series) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.percentileAxis = percentileAxis;
    this.series = List.copyOf(series);
    double xm = 0;
    double ym = 0;
    for (Series s : series) {
      for (int i = 0; i < s.x().length; i++) {
        if (Double.isFinite(s.y()[i])) {
          xm = Math.max(xm, s.x()[i]);
          ym = Math.max(ym, s.y()[i]);
        }
      }
    }
    this.xMax = percentileAxis ? Math.max(2, Math.ceil(xm)) : niceCeiling(xm);
    this.yMax = niceCeiling(ym);
    this.xUnit = unit(xLabel);
    this.yUnit = unit(yLabel);
  }

  /** " ms" from "latency (ms)": the unit a label gives in parentheses, for point titles. */
  private static String unit(String label) {
    int open = label.lastIndexOf('(');
    return open >= 0 && label.endsWith(")")
        ? " " + label.substring(open + 1, label.length() - 1)
        : "";
  }

  /**
   * The x of a percentile on the usual latency axis: log10 of 1 / (1 - p/100), so 0% is 0, 90% is
   * 1, 99% is 2, 99.9% is 3.
   */
  static double percentileX(double percentile) {
    return Math.log10(100.0 / (100.0 - Math.min(percentile, 99.9999999)));
  }

  /**
   * The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) >= value.
   */
  static double niceCeiling(double value) {
    if (!(value > 0)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (step * power >= value * (1 - 1e-9)) {
        return step * power;
      }
    }
    return 10 * power;
  }

  double xMax() {
    return xMax;
  }

  double yMax() {
    return yMax;
  }

  /** The horizontal pixel of an x value, so tests can find a point where the data puts it. */
  double xPx(double x) {
    return LEFT_PX + x / xMax * (WIDTH_PX - LEFT_PX - RIGHT_PX);
  }

  double yPx(double y) {
    return HEIGHT_PX - BOTTOM_PX - y / yMax * (HEIGHT_PX - TOP_PX - BOTTOM_PX);
  }

  static String px(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  String svg() {
    StringBuilder sb = new StringBuilder(16_384);
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH_PX)
        .append(' ')
        .append(HEIGHT_PX)
        .append("\" width=\"")
        .append(WIDTH_PX)
        .append("\" height=\"")
        .append(HEIGHT_PX)
        .append("\" font-family=\"sans-serif\" font-size=\"14\" role=\"img\">\n");
    sb.append("<title>").append(escape(title)).append("</title>\n");
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    text(sb, WIDTH_PX / 2.0, 24, "middle", "font-size=\"17\" font-weight=\"bold\"", title);
    double left = xPx(0);
    double right = xPx(xMax);
    double bottom = yPx(0);
    double top = yPx(yMax);
    for (int i = 0; i <= 5; i++) {
      double y = yMax * i / 5;
      double py = yPx(y);
      line(sb, left, py, right, py, "#e0e0e0");
      text(sb, left - 8, py + 5, "end", "", number(y));
    }
    for (Tick t : xTicks()) {
      double px = xPx(t.x());
      line(sb, px, top, px, bottom, "#e0e0e0");
      text(sb, px, bottom + 20, "middle", "", t.label());
    }
    line(sb, left, bottom, right, bottom, "#333333");
    line(sb, left, top, left, bottom, "#333333");
    text(sb, (left + right) / 2, HEIGHT_PX - 14, "middle", "", xLabel);
    sb.append("<text x=\"20\" y=\"")
        .append(px((top + bottom) / 2))
        .append("\" text-anchor=\"middle\" transform=\"rotate(-90 20 ")
        .append(px((top + bottom) / 2))
        .append(")\">")
        .append(escape(yLabel))
        .append("</text>\n");
    if (series.isEmpty()) {
      text(sb, (left + right) / 2, (top + bottom) / 2, "middle", "", "no data");
    }
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      String colour = COLOURS[i % COLOURS.length];
      sb.append("<g class=\"series\" data-name=\"").append(escape(s.name())).append("\">\n");
      sb.append("<polyline fill=\"none\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"2\" points=\"");
      boolean first = true;
      for (int j = 0; j < s.x().length; j++) {
        if (Double.isFinite(s.y()[j])) {
          sb.append(first ? "" : " ").append(px(xPx(s.x()[j]))).append(',');
          sb.append(px(yPx(s.y()[j])));
          first = false;
        }
      }
      sb.append("\"/>\n");
      for (int j = 0; j < s.x().length; j++) {
        if (Double.isFinite(s.y()[j])) {
          sb.append("<circle cx=\"")
              .append(px(xPx(s.x()[j])))
              .append("\" cy=\"")
              .append(px(yPx(s.y()[j])))
              .append("\" r=\"2.5\" fill=\"")
              .append(colour)
              .append("\"><title>")
              .append(escape(s.name() + ": " + xName(s.x()[j]) + " " + number(s.y()[j]) + yUnit))
              .append("</title></circle>\n");
        }
      }
      double ly = TOP_PX + 10 + i * 22;
      line(sb, right + 16, ly, right + 40, ly, colour, 3);
      text(sb, right + 46, ly + 5, "start", "", s.name());
      sb.append("</g>\n");
    }
    return sb.append("</svg>\n").toString();
  }

  private record Tick(double x, String label) {}

  private List<Tick> xTicks() {
    List<Tick> ticks = new ArrayList<>();
    if (percentileAxis) {
      for (int i = 0; i <= (int) xMax; i++) {
        ticks.add(new Tick(i, percentileLabel(i)));
      }
    } else {
      for (int i = 0; i <= 10; i++) {
        ticks.add(new Tick(xMax * i / 10, number(xMax * i / 10)));
      }
    }
    return ticks;
  }

  /** 0%, 90%, 99%, 99.9%... for the tick at log10 distance {@code i}. */
  static String percentileLabel(int i) {
    return switch (i) {
      case 0 -> "0%";
      case 1 -> "90%";
      case 2 -> "99%";
      default -> "99." + "9".repeat(i - 2) + "%";
    };
  }

  private String xName(double x) {
    if (!percentileAxis) {
      return number(x) + xUnit + ",";
    }
    double p = 100 - 100 / Math.pow(10, x);
    return "p"
        + new java.math.BigDecimal(p)
            .round(new java.math.MathContext(8))
            .stripTrailingZeros()
            .toPlainString();
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    return Math.abs(v) >= 10
        ? String.format(Locale.ROOT, "%.1f", v)
        : String.format(Locale.ROOT, "%.3f", v);
  }

  private static void line(
      StringBuilder sb, double x1, double y1, double x2, double y2, String colour) {
    line(sb, x1, y1, x2, y2, colour, 1);
  }

  private static void line(
      StringBuilder sb, double x1, double y1, double x2, double y2, String colour, int width) {
    sb.append("<line x1=\"")
        .append(px(x1))
        .append("\" y1=\"")
        .append(px(y1))
        .append("\" x2=\"")
        .append(px(x2))
        .append("\" y2=\"")
        .append(px(y2))
        .append("\" stroke=\"")
        .append(colour)
        .append("\" stroke-width=\"")
        .append(width)
        .append("\"/>\n");
  }

  private static void text(
      StringBuilder sb, double x, double y, String anchor, String attributes, String text) {
    sb.append("<text x=\"")
        .append(px(x))
        .append("\" y=\"")
        .append(px(y))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append('"')
        .append(attributes.isEmpty() ? "" : " " + attributes)
        .append('>')
        .append(escape(text))
        .append("</text>\n");
  }

  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
