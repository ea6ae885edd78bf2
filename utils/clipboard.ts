/** Empty the clipboard from a document (offscreen in Chrome, the background page in Firefox). */
export function writeEmptyClipboard(doc: Document): void {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  try {
    doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
}
