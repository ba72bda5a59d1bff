/** Resolved by the platform (WeChat OPENID) or a verified signed token; never taken from client input. */
export interface Caller {
  openid: string
}
