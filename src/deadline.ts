// One bound on how long an answer may take, for every call to another engine whose answer is only worth
// having soon (the shared-state stores, the metrics object, /health's store probe): the call's own answer,
// or a LateError once `ms` have passed. The call itself is not cancelled; its late answer is ignored.

export class LateError extends Error {}

export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LateError(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
