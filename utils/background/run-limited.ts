// Run tasks with a global concurrency limit and at most one task at a time per exclusive key
// (one Jamf Pro server, one Iru tenant). Order is kept as far as the limits allow.
export interface LimitedTask<T> {
  key?: string;
  run: () => Promise<T>;
}

export async function runLimited<T>(tasks: LimitedTask<T>[], concurrency: number, onSettled?: (index: number, result: PromiseSettledResult<T>) => void): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(tasks.length);
  const pending = tasks.map((_, index) => index);
  const busyKeys = new Set<string>();
  let running = 0;
  return new Promise((resolve) => {
    const pump = () => {
      if (!pending.length && running === 0) return resolve(results);
      for (let i = 0; i < pending.length && running < concurrency; ) {
        const index = pending[i];
        const key = tasks[index].key;
        if (key !== undefined && busyKeys.has(key)) {
          i++;
          continue;
        }
        pending.splice(i, 1);
        running++;
        if (key !== undefined) busyKeys.add(key);
        void tasks[index]
          .run()
          .then(
            (value) => ({ status: 'fulfilled', value }) as const,
            (reason) => ({ status: 'rejected', reason }) as const,
          )
          .then((result) => {
            results[index] = result;
            running--;
            if (key !== undefined) busyKeys.delete(key);
            onSettled?.(index, result);
            pump();
          });
      }
    };
    pump();
  });
}
