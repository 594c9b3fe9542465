/**
 * Saves `text` as a file named `fileName` through the browser's download
 * flow: a Blob behind a temporary object URL, clicked from a hidden anchor.
 *
 * @param fileName - The name the browser offers to save the file under.
 * @param text - The file's content.
 * @param type - Its media type, e.g. `text/markdown`.
 * @throws `Error` when the browser cannot create object URLs.
 * @internal
 */
export function downloadTextFile(
  fileName: string,
  text: string,
  type: string,
): void {
  if (typeof URL.createObjectURL !== 'function') {
    throw new Error('This browser cannot save files');
  }
  const url = URL.createObjectURL(new Blob([text], { type }));
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    anchor.style.display = 'none';
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    URL.revokeObjectURL?.(url);
  }
}
