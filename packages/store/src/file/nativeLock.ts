import { createRequire } from "node:module";

/**
 * The one call the file store makes into fs-native-extensions (a CommonJS package without type
 * declarations): an exclusive operating-system lock on an open file, false when another holds it.
 */
interface NativeLock {
  tryLock(fd: number): boolean;
}

const native = createRequire(import.meta.url)("fs-native-extensions") as NativeLock;

export function tryLock(fd: number): boolean {
  return native.tryLock(fd);
}
