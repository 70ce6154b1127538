/**
 * The word-vector table's file format: "FUWV", then four little-endian uint32 (format version, words,
 * dimensions, byte length of the word list), the words in UTF-8 separated by "\n", zero padding to a
 * multiple of four, one float32 scale per word, and the int8 rows. One flat file loads with two reads of a
 * buffer and no parsing of numbers.
 */
import type { WordVectors } from '../domain/coach/features.js';

const MAGIC = 'FUWV';
const FORMAT_VERSION = 1;
const HEADER_BYTES = 20;
const INT8_MAX = 127;

export function encodeWordVectors(
  words: readonly string[],
  rows: readonly number[][],
  dimensions: number,
): Buffer {
  const wordBytes = Buffer.from(words.join('\n'), 'utf8');
  const padded = Math.ceil(wordBytes.length / 4) * 4;
  const scalesAt = HEADER_BYTES + padded;
  const valuesAt = scalesAt + words.length * 4;
  const file = Buffer.alloc(valuesAt + words.length * dimensions);
  file.write(MAGIC, 0, 'latin1');
  file.writeUInt32LE(FORMAT_VERSION, 4);
  file.writeUInt32LE(words.length, 8);
  file.writeUInt32LE(dimensions, 12);
  file.writeUInt32LE(wordBytes.length, 16);
  wordBytes.copy(file, HEADER_BYTES);
  rows.forEach((row, index) => {
    const length = Math.hypot(...row) || 1;
    const largest = Math.max(...row.map((value) => Math.abs(value / length))) || 1;
    const scale = largest / INT8_MAX;
    file.writeFloatLE(scale, scalesAt + index * 4);
    row.forEach((value, d) => {
      file.writeInt8(Math.round(value / length / scale), valuesAt + index * dimensions + d);
    });
  });
  return file;
}

export function decodeWordVectors(file: Buffer): WordVectors {
  if (file.toString('latin1', 0, 4) !== MAGIC || file.readUInt32LE(4) !== FORMAT_VERSION)
    throw new Error(
      'The word-vector table is not in the expected format; rebuild it with npm run coach:vectors.',
    );
  const count = file.readUInt32LE(8);
  const dimensions = file.readUInt32LE(12);
  const wordBytes = file.readUInt32LE(16);
  const words = file.toString('utf8', HEADER_BYTES, HEADER_BYTES + wordBytes).split('\n');
  const scalesAt = HEADER_BYTES + Math.ceil(wordBytes / 4) * 4;
  const valuesAt = scalesAt + count * 4;
  const rows = new Map<string, number>();
  words.forEach((word, index) => {
    rows.set(word, index);
  });
  // Copies, so the arrays are aligned whatever offset the buffer has in Node's pool.
  const scales = new Float32Array(count);
  for (let i = 0; i < count; i++) scales[i] = file.readFloatLE(scalesAt + i * 4);
  const values = new Int8Array(
    file.buffer.slice(file.byteOffset + valuesAt, file.byteOffset + valuesAt + count * dimensions),
  );
  return { dimensions, rows, values, scales };
}
