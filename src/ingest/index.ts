/** Ingest readers: files, folders, URLs, feeds, dumps and stdin in; checked `Article`s or reasons out. */
export { articleId, normaliseDate } from './article.js';
export { detectFormat, type Format } from './detect.js';
export { DEFAULT_MAX_BYTES, describeRejection, type ReadOptions, type ReadResult } from './options.js';
export { readInputs } from './read.js';
export { decodeText, detectLanguage } from './validate.js';
