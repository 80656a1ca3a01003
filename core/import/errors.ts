// The one failure that stops an import as a whole: an input file that cannot be read as interchange
// JSONL at all (missing, a directory, not UTF-8 text, a header of another major version). Nothing is
// written when it is thrown (the CLI maps it to exit code 2). Bad lines are not errors: they are
// rejected one by one in the report.

export type InputProblem = 'NOT_FOUND' | 'NOT_A_FILE' | 'UNREADABLE' | 'NOT_UTF8' | 'BINARY' | 'UNSUPPORTED_VERSION' | 'NOT_INTERCHANGE'

export class ImportInputError extends Error {
  readonly file: string
  readonly problem: InputProblem
  constructor(file: string, problem: InputProblem, message: string) {
    super(message)
    this.name = 'ImportInputError'
    this.file = file
    this.problem = problem
  }
}

/** The import was cancelled by its caller (AbortSignal); the transaction was rolled back. */
export class ImportCancelledError extends Error {
  constructor() {
    super('导入已取消，数据库未改动 / import cancelled; the database is unchanged')
    this.name = 'ImportCancelledError'
  }
}
