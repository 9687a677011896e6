import { describe, expect, it } from 'vitest';
import { replayBase } from './replay.ts';

describe('replayBase names what reproduces a run', () => {
  it.each<[Parameters<typeof replayBase>[0], string]>([
    [{ drift: [] }, 'specgate run'],
    [{ drift: ['wrong-type', 'server-error'] }, 'specgate run --drift wrong-type,server-error'],
    [
      { spec: 'api spec.yaml', baseUrl: 'https://api.example.com/v1', drift: ['x'] },
      "specgate run --spec 'api spec.yaml' --base-url https://api.example.com/v1",
    ],
    [
      { spec: 'openapi.json', baseUrl: 'https://user:secret@api.example.com', drift: [] },
      'specgate run --spec openapi.json --base-url https://api.example.com',
    ],
  ])('%j → %s', (options, want) => {
    expect(replayBase(options)).toBe(want);
  });
});
