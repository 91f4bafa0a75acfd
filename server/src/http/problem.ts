import type { Response } from 'express';
import { AppError, type FieldError } from '../shared/errors';

export const PROBLEM_TYPE_BASE = 'https://covenant.example/problems/';

/** An RFC 9457 problem document. `errors[]` names each bad field by JSON pointer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errorId?: string;
  requestId?: string;
  instance?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported content type',
  422: 'Invalid input',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
  507: 'Insufficient storage',
};

export function toProblem(err: AppError, requestId?: string, instance?: string): Problem {
  // Details come first so they can add members but never overwrite the standard ones.
  const problem: Problem = {
    ...err.details,
    type: PROBLEM_TYPE_BASE + err.code,
    title: TITLES[err.status] ?? 'Error',
    status: err.status,
    detail: err.message,
    code: err.code,
    errorId: err.errorId,
    requestId,
    instance,
  };
  if (err.errors.length) problem.errors = err.errors;
  return problem;
}

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

export function internalProblem(errorId: string, requestId?: string): Problem {
  return {
    type: PROBLEM_TYPE_BASE + 'internal',
    title: TITLES[500],
    status: 500,
    detail: 'Something went wrong on our side. The error id identifies it in our logs.',
    code: 'internal',
    errorId,
    requestId,
  };
}
