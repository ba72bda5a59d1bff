import type { AppDeps } from '../app/deps'
import { RecordingSink } from '../app/notifications/recording-sink'
import { deliverNotificationsJob } from './deliver-notifications'
import { JOBS } from './registry'
import { startScheduler, type Scheduler } from './scheduler'

/**
 * Jobs inside the gateway (`npm start`): every job on its schedule, WeChat messages into a recording sink that
 * logs one line each without personal data (there is no WeChat behind the browser gateway), and delivery kicked
 * right after a call commits notifications, so the sink shows them at once.
 */
export async function startGatewayJobs(base: AppDeps, log: (line: string) => void = console.log): Promise<{ deps: AppDeps; sink: RecordingSink; stop(): Promise<void> }> {
  const sink = new RecordingSink(log)
  let scheduler: Scheduler | undefined
  const deps: AppDeps = { ...base, subscribeMessages: sink, onNotificationsQueued: () => scheduler?.kick(deliverNotificationsJob.name) }
  scheduler = await startScheduler(deps, JOBS, log)
  return { deps, sink, stop: () => scheduler!.stop() }
}
