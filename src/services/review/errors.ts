/** A write based on a stale read: someone changed the incident since `expectedVersion` was read. */
export class ConflictError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
  ) {
    super(
      actualVersion === null
        ? `${entity} ${id} no longer exists (deleted or merged); nothing was changed`
        : `${entity} ${id} is at version ${actualVersion}, not ${expectedVersion}: someone changed it since you read it; nothing was changed — reload and try again`,
    );
    this.name = 'ConflictError';
  }
}

/** A request the workflow refuses (a disallowed transition, a missing reason, a bad value); nothing is changed. */
export class ReviewError extends Error {
  constructor(
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}
