// Response headers of the web host. The renderer's index.html carries the same CSP as a meta tag (for
// the desktop shell); here it also arrives as a header, which can add what a meta tag cannot
// (frame-ancestors). antd's CSS-in-JS writes <style> elements, hence 'unsafe-inline' for styles only.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** Sent with every response, static or API. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The session token travels in the URL fragment, which browsers never send; no referrer either way.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
}

export const NO_STORE = 'no-store'
/** Vite's hashed bundles under assets/ never change under the same name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
