import { CliError } from '../io.ts'

export async function run(_argv: string[]): Promise<number> {
  throw new CliError('命令尚未实现 / command not implemented yet: analyze')
}
