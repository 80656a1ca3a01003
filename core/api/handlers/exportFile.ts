// A list export as the *.export channels answer it (channels/types.ts exportFileSchema).
import type { ListExport } from '../../export/workbook.ts'
import type { ExportFileView } from '../channels/types.ts'

export function exportFileView(file: ListExport): ExportFileView {
  return { fileName: file.fileName, base64: file.bytes.toString('base64'), exported: file.exported, total: file.total }
}
