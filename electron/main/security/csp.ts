// Content-Security-Policy headers for what our protocol serves (checklist item 7). A header, not
// only a <meta>: the header also covers responses before the document parses and cannot be removed
// by the page. No Electron import here.

/** The CSP of the app's own pages. */
export function rendererCsp(): string {
  return serialise({
    'default-src': ["'self'"],
    // Only our bundled scripts: no inline script, no eval, no remote code.
    'script-src': ["'self'"],
    // antd's CSS-in-JS inserts <style> elements at run time, which needs 'unsafe-inline' for styles
    // (not for scripts).
    'style-src': ["'self'", "'unsafe-inline'"],
    // QR codes and chart exports are data:/blob: images; nothing is fetched from the network.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // The desktop renderer talks to the main process over IPC only.
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'media-src': ["'none'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'child-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'none'"],
    'base-uri': ["'none'"]
  })
}

/** The CSP of a document laid out for printing: markup, styles, images and fonts, no script at all. */
export function printCsp(): string {
  return serialise({
    'default-src': ["'none'"],
    'script-src': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'none'"],
    'base-uri': ["'none'"]
  })
}

function serialise(directives: Record<string, readonly string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}
