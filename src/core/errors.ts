/**
 * The few coded errors of Netwerkbot. Expected outcomes (input not understood, duplicate, not
 * allowed) are values; these are for broken configuration, files and infrastructure. Messages say
 * how to fix the problem and never contain secrets or phone numbers.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'FLOW_INVALID'
  | 'LOCALE_INVALID'
  | 'STORE_CORRUPT'
  | 'STORE_VERSION'
  | 'STORE_IO'
  | 'CHANNEL_START'
  | 'INPUT_INVALID';

export class CodedError extends Error {
  readonly code: ErrorCode;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; context?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CodedError';
    this.code = code;
    this.context = options.context ?? {};
  }
}

export const isCodedError = (e: unknown, code?: ErrorCode): e is CodedError =>
  e instanceof CodedError && (code === undefined || e.code === code);
