// Kubernetes resource quantities ("12345n", "100m", "1.5", "64Mi", "1G", "1e3") as plain numbers:
// cores for CPU, bytes for memory. The format is apimachinery's resource.Quantity.
// Fractions divide (3800 / 1e3 is 3.8; 3800 * 1e-3 is not).
const FRACTIONS: Record<string, number> = { n: 1e9, u: 1e6, m: 1e3 };
const SUFFIXES: Record<string, number> = {
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;

/** The quantity's value, or null when it is missing or not a quantity. */
export function parseQuantity(quantity: string | number | undefined | null): number | null {
  if (typeof quantity === "number") return Number.isFinite(quantity) ? quantity : null;
  if (!quantity) return null;
  const match = QUANTITY.exec(quantity.trim());
  if (!match) return null;
  const [, number, exponent, suffix] = match;
  const fraction = FRACTIONS[suffix ?? ""];
  const value = fraction
    ? Number(number) / fraction
    : Number(number) * (exponent ? 10 ** Number(exponent.slice(1)) : SUFFIXES[suffix ?? ""]!);
  return Number.isFinite(value) ? value : null;
}
