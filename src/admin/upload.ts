import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { ApiError } from "../kernel/errors.ts";

export interface SavedUpload {
  path: string;
  fileName: string;
  bytes: number;
  /** Deletes the file; never fails (a failure is logged), so it is safe in any cleanup. */
  remove(): Promise<void>;
}

const SEND_AS =
  "Send the package as the request body (application/zip) or as the multipart/form-data field 'file'.";

/** Counts bytes and stops the stream as soon as the upload passes the limit. */
function limitTo(maxBytes: number, onBytes: (n: number) => void): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      onBytes(seen);
      if (seen > maxBytes) {
        done(
          new ApiError(
            "payload_too_large",
            `The upload is larger than ${maxBytes} bytes (UPLOAD_MAX_BYTES). Split the package or import it with the CLI.`,
          ),
        );
      } else {
        done(null, chunk);
      }
    },
  });
}

/**
 * Streams an uploaded package to `path` without holding it in memory: a raw `application/zip`
 * body, or the `file` part of a multipart form. Whatever goes wrong (too large, malformed,
 * client gone), the error is the request's and no file is left behind.
 */
export async function saveUpload(
  request: Request,
  path: string,
  maxBytes: number,
): Promise<SavedUpload> {
  const body = request.body;
  if (!body) throw new ApiError("bad_request", SEND_AS);
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = contentType.startsWith("multipart/form-data");
  if (!multipart && !/^application\/(zip|octet-stream|x-zip-compressed)\b/.test(contentType)) {
    throw new ApiError("unsupported_media_type", SEND_AS);
  }
  await mkdir(dirname(path), { recursive: true });
  const remove = () =>
    rm(path, { force: true }).catch((error: unknown) => {
      console.error(`[upload] could not delete ${path}: ${(error as Error).message}`);
    });
  let bytes = 0;
  const limiter = limitTo(maxBytes, (n) => {
    bytes = n;
  });
  const input = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  try {
    const fileName = multipart
      ? await saveMultipartFile(input, contentType, limiter, path)
      : await pipeline(input, limiter, createWriteStream(path)).then(() => "upload.zip");
    return { path, fileName, bytes, remove };
  } catch (error) {
    input.destroy();
    await remove();
    throw error;
  }
}

/** Writes the form's `file` part to `path`; the other parts are read past. */
async function saveMultipartFile(
  input: Readable,
  contentType: string,
  limiter: Transform,
  path: string,
): Promise<string> {
  const parser = multipartParser(contentType);
  let fileName: string | undefined;
  let writing: Promise<void> | undefined;
  let writeFailed = false;
  parser.on("file", (field, stream, info) => {
    if (field !== "file" || writing) {
      stream.resume();
      return;
    }
    fileName = info.filename || "upload.zip";
    writing = pipeline(stream, limiter, createWriteStream(path));
    // A failed write (e.g. over the limit) stops the parsing too, which then rejects with it.
    writing.catch((error: unknown) => {
      writeFailed = true;
      parser.destroy(error as Error);
    });
  });
  try {
    await pipeline(input, parser);
  } catch (error) {
    if (writeFailed) throw error;
    throw malformed(error);
  }
  if (!writing || fileName === undefined) {
    throw new ApiError("bad_request", "The form has no field named 'file' holding the package.");
  }
  await writing;
  return fileName;
}

function multipartParser(contentType: string): busboy.Busboy {
  try {
    return busboy({ headers: { "content-type": contentType }, limits: { files: 1 } });
  } catch (error) {
    throw malformed(error);
  }
}

const malformed = (error: unknown) =>
  new ApiError(
    "bad_request",
    `The multipart form cannot be read (${(error as Error).message}). ${SEND_AS}`,
  );
