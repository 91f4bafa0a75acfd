/**
 * Parsing, checking and preparing JSONL import rows, the costly part of an import (JSON.parse, the schema and
 * JSON.stringify over profiles of ~15 KB). The same function runs in the import's worker thread and, when no
 * worker can be started, in-line.
 */
import type { FieldError } from '../../shared/errors';
import type { SchemaValidator } from '../../shared/validation';
import type { ClientProfile } from '../facts/client-profile';
import { checkProfile } from './client-validation';
import { prepareLine } from './prepared';

export interface RawLine {
  row: number;
  line: string;
}

/** One checked row: prepared for the store (prepared.ts) when good, its problems when not. */
export interface CheckedRow {
  row: number;
  prepared?: string;
  errors?: FieldError[];
}

export function checkLines(validator: SchemaValidator, lines: RawLine[]): CheckedRow[] {
  return lines.map(({ row, line }) => {
    let profile: unknown;
    try {
      profile = JSON.parse(line);
    } catch (e) {
      return { row, errors: [{ pointer: '', code: 'malformed_json', message: `is not valid JSON: ${(e as Error).message.slice(0, 160)}` }] };
    }
    if (!profile || typeof profile !== 'object' || Array.isArray(profile)) return { row, errors: [{ pointer: '', code: 'type', message: 'must be a JSON object (one client profile per line)' }] };
    const errors = checkProfile(validator, profile);
    return errors.length ? { row, errors } : { row, prepared: prepareLine(profile as ClientProfile, line) };
  });
}
