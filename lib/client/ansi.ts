// ANSI SGR colour codes in log lines, as styled segments (other escape sequences are dropped).
export interface AnsiSegment {
  text: string;
  color?: string;
  bold?: boolean;
}

const COLORS = ["#6e7781", "#e5534b", "#57ab5a", "#c69026", "#539bf5", "#b083f0", "#39c5cf", "#adbac7"];

// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b\[([0-9;]*)([A-Za-z])/g;

export function parseAnsi(text: string): AnsiSegment[] {
  if (!text.includes("\u001b[")) return [{ text }];
  const segments: AnsiSegment[] = [];
  let color: string | undefined;
  let bold = false;
  let last = 0;
  for (const match of text.matchAll(ESCAPE)) {
    if (match.index! > last) segments.push({ text: text.slice(last, match.index), color, bold });
    last = match.index! + match[0].length;
    if (match[2] !== "m") continue;
    for (const code of (match[1] || "0").split(";").map(Number)) {
      if (code === 0) {
        color = undefined;
        bold = false;
      } else if (code === 1) bold = true;
      else if (code === 22) bold = false;
      else if (code === 39) color = undefined;
      else if (code >= 30 && code <= 37) color = COLORS[code - 30];
      else if (code >= 90 && code <= 97) color = COLORS[code - 90];
    }
  }
  if (last < text.length) segments.push({ text: text.slice(last), color, bold });
  return segments.filter((s) => s.text);
}
