import http from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { POST } from "@/app/api/v1/events/route";

/*
 * The app's ingest handler behind a bare node:http server, for the durability test: a real process
 * that can be SIGKILLed mid-commit, without `next build` inside the unit suite. Run with
 * `node --import tsx --conditions=react-server lib/ingest/testing/ingest-server.ts` and DATABASE_URL;
 * it listens on a free loopback port and prints `listening <port>` once it accepts requests.
 */

async function toRequest(incoming: http.IncomingMessage, port: number): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const body = Readable.toWeb(incoming) as unknown as ReadableStream<Uint8Array>;
  return new Request(`http://127.0.0.1:${port}${incoming.url ?? "/"}`, {
    method: incoming.method,
    headers,
    body,
    duplex: "half",
  } as RequestInit);
}

async function send(response: Response, outgoing: http.ServerResponse): Promise<void> {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) {
    for await (const chunk of response.body as unknown as NodeReadableStream<Uint8Array>) outgoing.write(chunk);
  }
  outgoing.end();
}

const server = http.createServer((incoming, outgoing) => {
  const port = (server.address() as { port: number }).port;
  const handle = async () => {
    if (incoming.method !== "POST" || incoming.url !== "/api/v1/events") {
      outgoing.writeHead(404).end();
      return;
    }
    await send(await POST(await toRequest(incoming, port), { params: Promise.resolve({}) }), outgoing);
  };
  handle().catch((error: unknown) => {
    console.error(error);
    outgoing.destroy();
  });
});

server.listen(0, "127.0.0.1", () => {
  console.log(`listening ${(server.address() as { port: number }).port}`);
});
