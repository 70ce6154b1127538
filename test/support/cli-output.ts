import { PassThrough } from 'node:stream';

/** Streams to hand a command as its stdout and stderr, and what it has written to each so far. */
export function captureOutput() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => {
    out += String(chunk);
  });
  stderr.on('data', (chunk) => {
    err += String(chunk);
  });
  return { stdout, stderr, out: () => out, err: () => err };
}
