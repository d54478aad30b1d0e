package io.cairn.e2e;

/** The window sizes every page must work at: a small phone and a laptop screen. */
public enum Device {
  PHONE(360, 740, true),
  DESKTOP(1280, 800, false);

  final int widthPx;
  final int heightPx;
  final boolean touch;

  Device(int widthPx, int heightPx, boolean touch) {
    this.widthPx = widthPx;
    this.heightPx = heightPx;
    this.touch = touch;
  }
}
