// A plain ustar archive of a few regular files, written and read without a dependency: a backup is
// one file any `tar` can list and unpack (`tar -xf backup.tar`), and this reader takes only what it
// expects (flat names, regular files) from it.
import { createReadStream, createWriteStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";

const BLOCK = 512;

export interface TarInput {
  name: string;
  /** A file to copy in, or the bytes themselves. */
  file?: string;
  data?: Buffer;
  mode?: number;
}

export interface TarEntry {
  name: string;
  size: number;
  /** Where its bytes start in the archive. */
  offset: number;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, size: number, mode: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`archive member name too long: ${name}`);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, "utf8");
  block.write(octal(mode, 8), 100);
  block.write(octal(0, 8), 108); // uid
  block.write(octal(0, 8), 116); // gid
  block.write(octal(size, 12), 124);
  block.write(octal(Math.floor(Date.now() / 1000), 12), 136);
  block.write("        ", 148); // checksum counted as spaces
  block.write("0", 156); // regular file
  block.write("ustar\0" + "00", 257);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + " ", 148);
  return block;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** Writes `inputs` to `out` (mode 0600: a backup holds the key to every stored credential). */
export async function writeTar(out: string, inputs: TarInput[]): Promise<void> {
  const stream = createWriteStream(out, { mode: 0o600 });
  const done = new Promise<void>((resolve, reject) => {
    stream.once("finish", resolve);
    stream.once("error", reject);
  });
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => stream.write(chunk, (error) => (error ? reject(error) : resolve())));
  for (const input of inputs) {
    const size = input.file ? (await stat(input.file)).size : input.data!.length;
    await write(header(input.name, size, input.mode ?? 0o600));
    if (input.file) await pipeline(createReadStream(input.file), stream, { end: false });
    else await write(input.data!);
    await write(padding(size));
  }
  await write(Buffer.alloc(BLOCK * 2));
  stream.end();
  await done;
}

/** The regular files in the archive; refuses anything that is not a plain name. */
export async function listTar(file: string): Promise<TarEntry[]> {
  const handle = await open(file, "r");
  try {
    const entries: TarEntry[] = [];
    const { size: total } = await handle.stat();
    const block = Buffer.alloc(BLOCK);
    for (let at = 0; at + BLOCK <= total; ) {
      await handle.read(block, 0, BLOCK, at);
      if (block.every((b) => b === 0)) break;
      const text = (from: number, length: number) => block.toString("utf8", from, from + length).replace(/\0.*$/s, "");
      const name = text(0, 100);
      const size = parseInt(text(124, 12).trim() || "0", 8);
      const type = text(156, 1) || "0";
      if (type !== "0" || !/^[A-Za-z0-9._-]+$/.test(name) || !Number.isFinite(size))
        throw new Error(`${file} is not a Fleetdeck backup (unexpected member "${name}")`);
      entries.push({ name, size, offset: at + BLOCK });
      at += BLOCK + size + padding(size).length;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

export async function readTarEntry(file: string, entry: TarEntry): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const data = Buffer.alloc(entry.size);
    await handle.read(data, 0, entry.size, entry.offset);
    return data;
  } finally {
    await handle.close();
  }
}

export async function extractTarEntry(file: string, entry: TarEntry, to: string): Promise<void> {
  if (entry.size === 0) return void (await (await open(to, "w", 0o600)).close());
  await pipeline(
    createReadStream(file, { start: entry.offset, end: entry.offset + entry.size - 1 }),
    createWriteStream(to, { mode: 0o600 }),
  );
}
