import type { ExportedFile, FileBytes } from '@shared/api';

/** A picked file as the bytes the API takes (base64 in JSON, the same over IPC and HTTP). */
export async function toFileBytes(file: File): Promise<FileBytes> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return { name: file.name, data: btoa(binary) };
}

/** Offers an exported file as a download (the browser's or Electron's save flow). */
export function download(file: ExportedFile): void {
  const binary = atob(file.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
