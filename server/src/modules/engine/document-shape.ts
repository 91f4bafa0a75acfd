import { RuleSetCompileError } from './compile-error';

/** Far beyond any authored document (conditions nest at most 64 deep), far below what recursion can take. */
export const MAX_DOCUMENT_DEPTH = 256;
/** Values, arrays and objects in all; a schema-valid document of 2,000 large rules stays well under. */
export const MAX_DOCUMENT_NODES = 5_000_000;

/**
 * Checked before anything recursive (hashing, cloning) touches the document, with an explicit stack, so a
 * hostile or broken document (nested 100,000 deep, or a JavaScript object with a cycle) gets a compile error
 * instead of a stack overflow or a hang.
 */
export function assertDocumentShape(document: unknown): void {
  const stack: { value: unknown; depth: number }[] = [{ value: document, depth: 0 }];
  let nodes = 0;
  while (stack.length) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (++nodes > MAX_DOCUMENT_NODES) fail(`the document has more than ${MAX_DOCUMENT_NODES} values`);
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DOCUMENT_DEPTH) fail(`the document is nested more than ${MAX_DOCUMENT_DEPTH} levels deep`);
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
}

function fail(message: string): never {
  throw new RuleSetCompileError([{ pointer: '', message }]);
}
