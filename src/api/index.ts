/** The HTTP API and dashboard server. */
export { type ApiOptions, type App, createApp, DEFAULT_MAX_BODY } from './app.js';
export { type ServeOptions, type Server, serve } from './serve.js';
