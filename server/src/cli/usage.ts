export const USAGE = `Usage: covenant rules <command> [arguments] [options]

Commands:
  validate <file|dir>...     Check each rule-set file as the server does on save: JSON Schema,
                             structure (unique names, shared conditions, limits) and compiling.
  test <file|dir>...         Compile each file with the engine and run its test cases; prints
                             "N passed, M failed" per file and every difference.
  lint [<file|dir>...]       Static checks: the engine's analysis as the publishing gate runs it
                             (unknown facts, type mismatches, values outside enumerations,
                             unreachable and shadowed rules, outputs), plus the library's
                             conventions (a source on every rule, no unused input, test cases).
                             Default: rules/. With --strict, warnings fail too.
  diff <a.json> <b.json>     What changed from a to b, in business language.
                             With --exit-code, exits 1 when they differ.
  import <file> --server URL --api-key KEY
                             Upload a rule set; the server stores it as a new draft.
  export <key> [--version N] --server URL --api-key KEY > file.json
                             Print a version's document (default: the active version).

Options:
  --server URL      Covenant base URL (default: $COVENANT_SERVER)
  --api-key KEY     API key with rules:read / rules:write scope (default: $COVENANT_API_KEY)
  --help            Show this text

Exit codes: 0 success, 1 a check failed, 2 usage error, 3 server or network error.
`;
