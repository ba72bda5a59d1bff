import { isWeapp } from '../../services/platform'

/**
 * H5 only: hands the roster to the browser as a file (a Blob behind an <a download> link, clicked and removed).
 * Returns false where there is no DOM to do it (WeChat), so the caller offers another way.
 */
export function downloadCsv(filename: string, csv: string): boolean {
  if (isWeapp() || typeof document === 'undefined' || typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') return false
  // The server's CSV already starts with a BOM (Excel reads it as UTF-8); the type says so too.
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoked after the click has been handled: some browsers read the URL asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
  return true
}
