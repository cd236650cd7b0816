// HTTP/1.1 written by hand over a socket, for requests fetch() and node:http refuse to send:
// any method, any bytes in the path, duplicate or malformed headers, NUL and CRLF included.
import net from "node:net";

export interface RawResponse {
  status: number;
  /** header names in lower case; repeated headers joined with ", " (Set-Cookie kept apart) */
  headers: Record<string, string>;
  setCookies: string[];
  body: string;
}

export interface RawRequest {
  method?: string;
  /** sent as it is, byte for byte (latin1) */
  path: string;
  headers?: Array<[string, string]>;
  body?: string | Buffer;
  /** send the body in chunks with Transfer-Encoding: chunked */
  chunked?: boolean;
}

export async function rawRequest(baseUrl: string, request: RawRequest, timeoutMs = 20_000): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const body = typeof request.body === "string" ? Buffer.from(request.body, "utf8") : request.body;
  const lines = [`${request.method ?? "GET"} ${request.path} HTTP/1.1`, "Connection: close"];
  // A Host header of the test's own replaces ours.
  if (!request.headers?.some(([name]) => name.toLowerCase() === "host")) lines.push(`Host: ${hostname}:${port}`);
  for (const [name, value] of request.headers ?? []) lines.push(`${name}: ${value}`);
  if (body && request.chunked) lines.push("Transfer-Encoding: chunked");
  else if (body) lines.push(`Content-Length: ${body.length}`);
  const head = Buffer.from(lines.join("\r\n") + "\r\n\r\n", "latin1");
  let payload = body ?? Buffer.alloc(0);
  if (body && request.chunked)
    payload = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from("\r\n0\r\n\r\n")]);

  return new Promise<RawResponse>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${request.method ?? "GET"} ${request.path.slice(0, 80)}`));
    }, timeoutMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    // The server may answer and close before the whole body is written (413): that is fine.
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") {
        clearTimeout(timer);
        reject(error);
      }
    });
    socket.on("close", () => {
      clearTimeout(timer);
      const parsed = parseResponse(Buffer.concat(chunks));
      if (parsed) resolve(parsed);
      else reject(new Error(`no HTTP answer to ${request.method ?? "GET"} ${request.path.slice(0, 80)}`));
    });
    socket.write(Buffer.concat([head, payload]));
  });
}

function parseResponse(bytes: Buffer): RawResponse | undefined {
  const end = bytes.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const [statusLine = "", ...headerLines] = bytes.subarray(0, end).toString("latin1").split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  if (!status) return undefined;
  const headers: Record<string, string> = {};
  const setCookies: string[] = [];
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "set-cookie") setCookies.push(value);
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  let rest = bytes.subarray(end + 4);
  if (headers["transfer-encoding"]?.includes("chunked")) {
    const parts: Buffer[] = [];
    for (;;) {
      const lineEnd = rest.indexOf("\r\n");
      const size = lineEnd < 0 ? 0 : parseInt(rest.subarray(0, lineEnd).toString("latin1"), 16);
      if (!size) break;
      parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      rest = rest.subarray(lineEnd + 2 + size + 2);
    }
    rest = Buffer.concat(parts);
  }
  return { status, headers, setCookies, body: rest.toString("utf8") };
}
