// COPY input for PGlite, gathered a few megabytes at a time into one buffer that every piece of
// a load reuses.
//
// PGlite reads COPY input from its `blob` option, whose bytes it takes with `arrayBuffer()`. A
// blob made afresh for each piece left its bytes and their copy to the garbage collector, which
// let them pile up: a 10 M-line import into PGlite held up to 300 MB of dead buffers at its peak.
// Here PGlite is handed this one buffer each time, resized to the bytes it holds.
import type { CopyChunk } from './connection.js';

/** Stands in for a Blob: PGlite only asks it for its bytes. */
export interface BlobLike {
  arrayBuffer(): Promise<ArrayBuffer>;
}

const encoder = new TextEncoder();

export class PgliteCopyInput {
  private readonly buffer: ArrayBuffer;
  private used = 0;

  constructor(private readonly capacity: number) {
    this.buffer = new (ArrayBuffer as ResizableArrayBufferConstructor)(capacity, { maxByteLength: capacity });
  }

  get size(): number {
    return this.used;
  }

  /**
   * Appends a chunk of whole lines; false, with nothing appended, when the room left is too
   * small. A chunk must never be split, since each piece is a COPY statement of its own.
   */
  add(chunk: CopyChunk): boolean {
    const room = new Uint8Array(this.buffer, this.used);
    if (typeof chunk === 'string') {
      const { read, written } = encoder.encodeInto(chunk, room);
      if (read < chunk.length) return false;
      this.used += written;
    } else {
      if (chunk.length > room.length) return false;
      room.set(chunk);
      this.used += chunk.length;
    }
    return true;
  }

  /**
   * Lends the bytes held to `send` as a blob, then empties the buffer. The bytes are valid only
   * until `send` settles: the next piece overwrites them.
   */
  async drain(send: (blob: BlobLike) => Promise<unknown>): Promise<void> {
    if (this.used === 0) return;
    this.resize(this.used);
    try {
      await send({ arrayBuffer: async () => this.buffer });
    } finally {
      this.used = 0;
      this.resize(this.capacity);
    }
  }

  private resize(bytes: number) {
    (this.buffer as ResizableArrayBuffer).resize(bytes);
  }
}

// ES2024's resizable ArrayBuffer, which Node 20 has and the ES2022 library types lack.
type ResizableArrayBufferConstructor = new (length: number, options: { maxByteLength: number }) => ArrayBuffer;
type ResizableArrayBuffer = ArrayBuffer & { resize(bytes: number): void };
