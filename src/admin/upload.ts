import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { ApiError } from "../kernel/errors.ts";

export interface SavedUpload {
  path: string;
  fileName: string;
  bytes: number;
  remove(): Promise<void>;
}

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
 * Streams an uploaded package to a file under `dir` without holding it in memory: a raw
 * `application/zip` body, or the `file` part of a multipart form.
 */
export async function saveUpload(
  request: Request,
  dir: string,
  id: string,
  maxBytes: number,
): Promise<SavedUpload> {
  const body = request.body;
  if (!body)
    throw new ApiError(
      "bad_request",
      "Send the package as the request body (application/zip) or as the multipart field 'file'.",
    );
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${id}.zip`);
  const remove = () => rm(path, { force: true });
  const contentType = request.headers.get("content-type") ?? "";
  let bytes = 0;
  const count = (n: number) => {
    bytes = n;
  };
  const input = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  try {
    if (contentType.startsWith("multipart/form-data")) {
      const fileName = await saveMultipartFile(input, contentType, path, limitTo(maxBytes, count));
      return { path, fileName, bytes, remove };
    }
    if (!/^application\/(zip|octet-stream|x-zip-compressed)\b/.test(contentType)) {
      throw new ApiError(
        "unsupported_media_type",
        "Send the package as application/zip, or as multipart/form-data with a field named 'file'.",
      );
    }
    await pipeline(input, limitTo(maxBytes, count), createWriteStream(path));
    return { path, fileName: "upload.zip", bytes, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

function saveMultipartFile(
  input: Readable,
  contentType: string,
  path: string,
  limiter: Transform,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1 } });
    let saving: Promise<string> | undefined;
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || saving) {
        stream.resume();
        return;
      }
      saving = pipeline(stream, limiter, createWriteStream(path)).then(
        () => info.filename || "upload.zip",
      );
    });
    parser.on("error", reject);
    parser.on("close", () => {
      if (!saving)
        reject(
          new ApiError("bad_request", "The form has no field named 'file' holding the package."),
        );
      else saving.then(resolve, reject);
    });
    input.on("error", reject);
    input.pipe(parser);
  });
}
