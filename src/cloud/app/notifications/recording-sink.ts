import type { SendOutcome, SubscribeMessage, SubscribeMessageSender } from '../wechat-apis'

/**
 * The WeChat channel outside WeChat: keeps every message it is given (tests read `sent`), answers ok unless a
 * test scripts an answer, and optionally logs a line without personal data (the gateway in dev mode).
 */
export class RecordingSink implements SubscribeMessageSender {
  readonly sent: SubscribeMessage[] = []
  private scripted: Array<SendOutcome | ((message: SubscribeMessage) => SendOutcome | Promise<SendOutcome>)> = []

  constructor(private readonly log?: (line: string) => void) {}

  /** The next answers, in order (then ok again). */
  answerNext(...outcomes: Array<SendOutcome | ((message: SubscribeMessage) => SendOutcome | Promise<SendOutcome>)>): void {
    this.scripted.push(...outcomes)
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<SendOutcome> {
    const next = this.scripted.shift()
    const outcome = typeof next === 'function' ? await next(message) : (next ?? { ok: true as const })
    if (outcome.ok) this.sent.push(message)
    // Template id and field keys only: the openid and the values are personal.
    this.log?.(`[订阅消息] ${outcome.ok ? 'sent' : `error ${outcome.errCode}`} template=${message.templateId} fields=${Object.keys(message.data).sort().join(',')}`)
    return outcome
  }
}
