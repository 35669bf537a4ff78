// Series colours of the dashboards' charts, on screen and in the PDF: distinguishable by
// most colour-vision deficiencies (Okabe–Ito) and at least 3:1 against white.
export const SERIES_COLOURS = ["#0060a8", "#c2410c", "#047857", "#7e22ce", "#a16207", "#be185d", "#334155"];

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length];
}

/**
 * The texture of each bar series besides its colour, so that series stay apart in grey-scale
 * print and for every colour vision (WCAG 1.4.1: colour is never the only cue).
 */
export const SERIES_PATTERNS = ["solid", "stripes", "dots", "cross", "horizontal"] as const;
export type SeriesPattern = (typeof SERIES_PATTERNS)[number];

export function seriesPattern(index: number): SeriesPattern {
  return SERIES_PATTERNS[index % SERIES_PATTERNS.length];
}
