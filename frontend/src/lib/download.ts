// Handing the reader a file made or fetched in the page: an object URL and a temporary link, which the
// Content-Security-Policy allows (no data: URL, no new window).

/** Offers a blob to the browser as a download through a temporary link. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
