/**
 * Which files are Markdown drafts, written once for the command line (`claimcheck check DIR`),
 * the workspace check ("Check all drafts") and the client (the export's file name).
 */

/** The file extensions of Markdown drafts, without the dot. */
export const MARKDOWN_EXTENSIONS = ['md', 'markdown', 'mdown', 'mkd'] as const;

/** Matches a path that ends in one of them, in any case; the match is the extension with its dot. */
export const MARKDOWN_FILE = new RegExp(`\\.(${MARKDOWN_EXTENSIONS.join('|')})$`, 'i');

/** Globs for every draft under a folder ("**\/*.md", …). */
export const MARKDOWN_GLOBS = MARKDOWN_EXTENSIONS.map((ext) => `**/*.${ext}`);
