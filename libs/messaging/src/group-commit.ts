/**
 * Group commit of concurrent units of work (ADR 0037): items submitted while a write is running
 * wait and are written together, as one group, by the next write. No timer: with no write running
 * an item is written at once, so a lone request waits for nothing. At most `maxRunning` writes run
 * at once and a group holds at most `maxGroup` items. When a group's write fails, its items are
 * written again one by one, so one bad item cannot fail the others: each caller gets its own result
 * or its own error.
 *
 * `write` answers one result per item, in the items' order (one database transaction per call).
 */
export class GroupCommit<Item, Result> {
  private readonly waiting: Pending<Item, Result>[] = [];
  private running = 0;

  constructor(
    private readonly write: (items: Item[]) => Promise<Result[]>,
    private readonly limits: { maxRunning: number; maxGroup: number } = {
      maxRunning: 2,
      maxGroup: 64,
    },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.limits.maxRunning && this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.limits.maxGroup);
      this.running++;
      void this.writeGroup(group).finally(() => {
        this.running--;
        this.next();
      });
    }
  }

  private async writeGroup(group: Pending<Item, Result>[]): Promise<void> {
    try {
      settle(group, await this.writeChecked(group));
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      // One item may have failed the whole transaction: each is written again on its own.
      for (const pending of group) {
        await this.writeChecked([pending]).then(
          (results) => settle([pending], results),
          (alone: unknown) => pending.reject(alone),
        );
      }
    }
  }

  private async writeChecked(group: Pending<Item, Result>[]): Promise<Result[]> {
    const results = await this.write(group.map((p) => p.item));
    if (results.length !== group.length)
      throw new Error(`group commit: ${results.length} results for ${group.length} items`);
    return results;
  }
}

type Pending<Item, Result> = {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
};

function settle<Item, Result>(group: Pending<Item, Result>[], results: Result[]): void {
  group.forEach((pending, i) => pending.resolve(results[i]));
}
