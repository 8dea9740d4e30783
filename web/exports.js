// Exports for people who will not open the app: the map's cards as CSV, and reports in
// Markdown and HTML, downloaded as files named after the map.
(function () {
  'use strict';

  const TYPES = {
    csv: ['csv', 'text/csv;charset=utf-8'],
    md: ['md', 'text/markdown;charset=utf-8'],
    html: ['html', 'text/html;charset=utf-8'],
  };

  // Offers a blob to the user as a downloaded file.
  function downloadBlob(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function download(name, text, type) { downloadBlob(name, new Blob([text], { type })); }

  // kind: "csv" | "md" | "html". Returns the file name, or null for an unknown kind.
  function exportMap(wasm, baseName, kind) {
    const type = TYPES[kind];
    if (!type) return null;
    const bytes = wasm.exportBytes(kind);
    const name = baseName + '.' + type[0];
    downloadBlob(name, new Blob([bytes], { type: type[1] }));
    return name;
  }

  // The analysis view: the standalone HTML report (curves, gaps, moments of truth, coverage,
  // owner mix, CX-dimension heat map, impact/effort matrix, first levers) in a new tab; when the
  // browser blocks the tab, it is downloaded instead.
  function openAnalysis(wasm, baseName) {
    const html = wasm.exportText('html');
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    const tab = window.open(url, '_blank');   // (with 'noopener' it would always return null)
    if (!tab) download(baseName + '.html', html, TYPES.html[1]);
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  window.TrayectoExports = { exportMap, download, downloadBlob, openAnalysis };
})();
