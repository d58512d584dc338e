/**
 * Real source documents for the library tests, made here: PDFs written by pdfkit with
 * Debian's DejaVu Sans (fonts-dejavu-core), HTML pages, Zotero-like storage folders.
 */
import PDFDocument from 'pdfkit';
import { existsSync } from 'node:fs';

export const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
export const hasFont = existsSync(FONT);

export interface PdfOptions {
  /** Each page's lines; a line is written as its own line of text. */
  pages: string[][];
  userPassword?: string;
  /** Draw shapes instead of text on every page (a "scanned" document). */
  noText?: boolean;
}

/** A PDF's bytes. */
export function makePdf(options: PdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    info: { Title: 'Claim Check test document' },
    ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: `${options.userPassword}-owner`, pdfVersion: '1.7' as const } : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const lines of options.pages) {
    doc.addPage();
    if (options.noText) {
      doc.rect(72, 72, 300, 400).fill('#777777');
      continue;
    }
    doc.font(FONT).fontSize(11);
    // One call per line: a line longer than the page would wrap, so keep them short.
    for (const line of lines) doc.text(line, { width: 460 });
  }
  doc.end();
  return done;
}
