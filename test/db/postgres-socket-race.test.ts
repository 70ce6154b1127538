import { describe, expect, it } from 'vitest';
import { isPostgresSocketRace } from '../../src/db/postgres-socket-race.js';

describe('recognising the postgres.js dropped-connection defect', () => {
  it('recognises the driver timer writing to a closed socket', () => {
    const error = new TypeError("Cannot read properties of null (reading 'write')");
    error.stack = `${error.message}\n    at Immediate.nextWrite (/app/node_modules/postgres/src/connection.js:255:22)`;
    expect(isPostgresSocketRace(error)).toBe(true);
  });

  it('leaves every other error to crash loudly', () => {
    expect(isPostgresSocketRace(new TypeError("Cannot read properties of null (reading 'write')"))).toBe(
      false,
    );
    expect(isPostgresSocketRace(new Error('connection refused'))).toBe(false);
    expect(isPostgresSocketRace(undefined)).toBe(false);
  });
});
