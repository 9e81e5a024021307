// A request body sent as a stream in 16 KiB chunks, with no Content-Length (as a chunked upload arrives),
// that counts what the server pulled from it: a server that refuses an oversize body must stop reading.

export interface ChunkedBody {
  stream: ReadableStream<Uint8Array>;
  /** Bytes of the body in all. */
  size: number;
  /** Bytes the server has pulled so far. */
  pulled(): number;
}

export function chunkedBody(text: string, chunkBytes = 16 * 1024): ChunkedBody {
  const bytes = new TextEncoder().encode(text);
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= bytes.length) {
        controller.close();
        return;
      }
      const chunk = bytes.subarray(pulled, pulled + chunkBytes);
      controller.enqueue(chunk);
      pulled += chunk.byteLength;
    },
  });
  return { stream, size: bytes.length, pulled: () => pulled };
}

/** The request init that sends `body` chunked (`duplex: "half"` is what fetch asks of a streamed body). */
export function chunkedInit(
  body: ChunkedBody,
  contentType: string,
  headers: Record<string, string> = {},
): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": contentType, ...headers },
    body: body.stream,
    duplex: "half",
  } as RequestInit;
}
