// Saving a file the host made (an exported workbook) from the page: the bytes come through the one
// typed API as base64 and leave as a download — the browser's in web mode, Electron's save dialog in
// the desktop app. No Node in the renderer, no second channel.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64)
  const bytes = new Uint8Array(new ArrayBuffer(text.length))
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  return bytes
}

/** Offers the bytes as a file named `fileName`. */
export function saveFile(fileName: string, base64: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytesFromBase64(base64)], { type: mime }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The download has its own copy once started; the object URL can go after this turn.
  window.setTimeout(() => URL.revokeObjectURL(url), 0)
}
