export interface JsonParseError {
  message: string;
  line?: number;
  column?: number;
}

/** Parses the JSON view's text; on failure says where, as line and column, whatever the browser's wording. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: JsonParseError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    if (lineCol) return { ok: false, error: { message, line: Number(lineCol[1]), column: Number(lineCol[2]) } };
    const position = /position (\d+)/.exec(message);
    if (!position) return { ok: false, error: { message } };
    const before = text.slice(0, Number(position[1])).split('\n');
    return { ok: false, error: { message, line: before.length, column: before[before.length - 1].length + 1 } };
  }
}

export const prettyJson = (value: unknown) => JSON.stringify(value, null, 2);
