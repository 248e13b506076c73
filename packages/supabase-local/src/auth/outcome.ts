import type { ApiResponse } from '../http';

/** A fully formed response (custom headers such as admin pagination) that the router passes through. */
export class RawResponse {
  constructor(readonly response: ApiResponse) {}
}
