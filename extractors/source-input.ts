/** What an extractor is given: the bytes and how to name them. Reading files is the caller's job. */
export interface SourceInput {
  /** the path as given by the user, or a name for in-memory input */
  path: string;
  /** basename with extension */
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

export interface ExtractOptions {
  /** user password for encrypted PDFs */
  password?: string;
}
