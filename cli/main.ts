// `jiandu`: the workstation's core without a window (../shared/contract/cli-v1.md). Same database
// file, importer and rule engine as the desktop app. stdout carries only the result; errors go to
// stderr as one line; exit codes: 0 ok, 1 failure, 2 usage/unreadable input, 3 import with rejections.
import { CliError, databaseBusyMessage, EXIT, isDatabaseBusy, oneLine } from './io.ts'

type Command = { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> }

const COMMANDS: Record<string, Command> = {
  import: { summary: 'import <file>… --db <path> [--format json]   导入数据交换文件', load: () => import('./commands/import.ts') },
  export: { summary: 'export --db <path> --out <file>              导出中心记录', load: () => import('./commands/export.ts') },
  analyze: { summary: 'analyze --db <path> [--as-of D] [--rules P] [--format json|table]   问题线索分析', load: () => import('./commands/analyze.ts') },
  demo: { summary: 'demo (--out <file> | --db <path> [--force]) [--enterprises N] [--tasks N] [--plans N] [--seed S] [--manifest F]   演示数据', load: () => import('./commands/demo.ts') },
  web: { summary: 'web [--db <path>] [--port <p>]                网页模式', load: () => import('./commands/web.ts') },
  bench: { summary: 'bench [--scale district|city] [--out <file>]  基准测试（默认 city：100 万检查任务）', load: () => import('./commands/bench.ts') }
}

function usage(): string {
  return ['用法 / usage: jiandu <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  ${c.summary}`)].join('\n')
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  const verbose = rest.includes('--verbose')
  const args = rest.filter((a) => a !== '--verbose')
  // Asked for, the usage is the result (stdout); a missing or unknown command is a one-line usage error.
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`)
    return EXIT.OK
  }
  if (!name) {
    process.stderr.write(`缺少命令 / missing command: jiandu <${Object.keys(COMMANDS).join('|')}> [options]（jiandu --help 查看用法 / see jiandu --help)\n`)
    return EXIT.USAGE
  }
  const command = COMMANDS[name]
  if (!command) {
    process.stderr.write(`未知命令 / unknown command: ${name}（可用：${Object.keys(COMMANDS).join('、')}；jiandu --help 查看用法 / see jiandu --help)\n`)
    return EXIT.USAGE
  }
  try {
    const module = await command.load()
    return await module.run(args)
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${oneLine(error.message)}\n`)
      return error.exitCode
    }
    const message = oneLine(error instanceof Error ? error.message : String(error))
    // Another program (the desktop app importing, a second CLI) held the write lock while a command wrote.
    process.stderr.write(isDatabaseBusy(error) ? `失败：${databaseBusyMessage(null)} (${message})\n` : `失败 / failed: ${message}\n`)
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
    return EXIT.FAILURE
  }
}

// `jiandu analyze … | head`: a reader that stops early is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

process.exitCode = await main(process.argv.slice(2))
