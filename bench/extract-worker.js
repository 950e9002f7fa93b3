// One extraction thread for the all-cores measurement: one extractor, loaded once.
import { parentPort, workerData } from 'node:worker_threads';
import { createExtractor } from '../dist/extract/index.js';

const extractor = createExtractor();
parentPort.postMessage({ ready: true });
parentPort.on('message', (texts) => {
  let events = 0;
  for (const text of texts) events += extractor.extract({ text, date: workerData.date }).events.length;
  parentPort.postMessage({ done: texts.length, events });
});
