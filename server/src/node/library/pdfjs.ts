/**
 * Mozilla's PDF.js (the legacy build, which runs on Node 20), loaded once with its worker code
 * on this thread. Kept apart from extract.ts: the language server and the command load this
 * module, and PDF.js with it, only when they read their first PDF (scripts/build.mjs bundles it
 * as dist/pdf.js).
 */
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoading: Promise<PdfJs> | undefined;

/**
 * Stand-ins for the three canvas classes PDF.js's display layer creates when it loads (it
 * looks for them in the optional native package @napi-rs/canvas, which the bundled server
 * does not carry). Text extraction never renders, so they are never drawn with.
 */
function canvasStandIns(): void {
  const g = globalThis as Record<string, unknown>;
  g.DOMMatrix ??= class DOMMatrix {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
    constructor(init?: number[]) {
      if (Array.isArray(init) && init.length === 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init;
    }
    multiplySelf() {
      return this;
    }
    preMultiplySelf() {
      return this;
    }
    invertSelf() {
      return this;
    }
    translate() {
      return this;
    }
    scale() {
      return this;
    }
  };
  g.ImageData ??= class ImageData {};
  g.Path2D ??= class Path2D {
    addPath() {}
  };
}

/** Loads PDF.js once, with its worker code on this thread (no worker file to find at run time). */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    canvasStandIns();
    // @ts-expect-error -- the worker module ships no type declarations
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoading;
}
