import { describe, expect, it } from 'vitest';
import { type BlobLike, PgliteCopyInput } from './pglite-copy-input.js';

const text = async (blob: BlobLike) => new TextDecoder().decode(await blob.arrayBuffer());

describe('PgliteCopyInput', () => {
  it('lends text and byte chunks as one piece, exactly the bytes they hold', async () => {
    const input = new PgliteCopyInput(64);
    expect(input.add('1,Zoë\n')).toBe(true);
    expect(input.add(new TextEncoder().encode('2,Müller\n'))).toBe(true);
    const sent: string[] = [];
    await input.drain(async (blob) => { sent.push(await text(blob)); });
    expect(sent).toEqual(['1,Zoë\n2,Müller\n']);
    expect(input.size).toBe(0);
  });

  it('refuses a chunk that does not fit whole and keeps what it held', async () => {
    const input = new PgliteCopyInput(16);
    expect(input.add('1,Alpha\n')).toBe(true);
    expect(input.add('2,Bravo-Charlie\n')).toBe(false);
    expect(input.add(new Uint8Array(9))).toBe(false);
    expect(input.size).toBe(8);
    const sent: string[] = [];
    await input.drain(async (blob) => { sent.push(await text(blob)); });
    expect(input.add('2,Bravo-Charlie\n')).toBe(true);
    await input.drain(async (blob) => { sent.push(await text(blob)); });
    expect(sent).toEqual(['1,Alpha\n', '2,Bravo-Charlie\n']);
  });

  it('counts a character of several bytes by its bytes', () => {
    const input = new PgliteCopyInput(4);
    expect(input.add('€\n')).toBe(true);
    expect(input.size).toBe(4);
    expect(input.add('é')).toBe(false);
  });

  it('sends nothing when it holds nothing, and is empty again after a send that fails', async () => {
    const input = new PgliteCopyInput(16);
    let sends = 0;
    await input.drain(async () => { sends++; });
    expect(sends).toBe(0);
    input.add('1,A\n');
    await expect(input.drain(async () => { throw new Error('copy failed'); })).rejects.toThrow('copy failed');
    expect(input.size).toBe(0);
    input.add('2,B\n');
    await input.drain(async (blob) => { expect(await text(blob)).toBe('2,B\n'); sends++; });
    expect(sends).toBe(1);
  });
});
