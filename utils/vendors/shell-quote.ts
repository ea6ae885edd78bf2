/** Single-quote a value for a POSIX shell command line ("Copy as curl"). */
export const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;
