/**
 * The last answer computed, kept with the key that determines it (what was asked, and the position of the log it was
 * read from): asked again under the same key, it is the same answer, and is not computed again. One only, for answers
 * that hold tens of megabytes over a long log and that a reader asks for again and again, a page at a time. The answer
 * is shared with every reader: none may change it.
 */
export class LastAnswer<T> {
  private last?: { readonly key: string; readonly answer: T };

  of(key: string, compute: () => T): T {
    if (this.last?.key !== key) this.last = { key, answer: compute() };
    return this.last.answer;
  }
}
