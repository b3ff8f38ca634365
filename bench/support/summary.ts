// The one-line summary every benchmark prints last: `bench-<name> key=value …`.
export type Figures = Record<string, number | string>;

export const formatFigures = (figures: Figures) =>
  Object.entries(figures)
    .map(([k, v]) => `${k}=${typeof v === "number" ? (Number.isInteger(v) ? v : v.toFixed(2)) : v}`)
    .join(" ");
