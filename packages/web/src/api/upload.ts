// File upload with progress (XMLHttpRequest: fetch cannot report upload progress).
import { apiErrorFrom, NETWORK_ERROR } from './api-error.ts';
import { withQuery, writeHeaders, type Query } from './client.ts';

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort: () => void;
}

export interface UploadOptions {
  query?: Query;
  fieldName?: string;
  extraFields?: Record<string, string>;
  /** 0–100 while the bytes go up; the server's work follows. */
  onProgress?: (percent: number) => void;
}

export function uploadFile<T>(
  path: string,
  file: File,
  options: UploadOptions = {},
): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(options.extraFields ?? {})) {
      form.append(k, v);
    }
    form.append(options.fieldName ?? 'file', file, file.name);
    xhr.open('POST', withQuery(path, options.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(writeHeaders('POST'))) {
      xhr.setRequestHeader(k, v);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && options.onProgress) {
        options.onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
      }
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
      } else {
        reject(apiErrorFrom(xhr.status, body));
      }
    };
    xhr.onerror = () => reject(NETWORK_ERROR());
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
