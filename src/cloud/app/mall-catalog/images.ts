import { AppError } from '../../../contract'
import type { AppDeps } from '../deps'
import { defaultImageUrl, type ImageStorage } from '../storage/image-storage'

/**
 * The storage port, handed from the deps to `run` by the operation's prepare (the use-case context carries no
 * deps). Without one (a test or tool that injected none) URLs still resolve and only an upload is refused.
 */
export function imagesOf(deps: AppDeps): ImageStorage {
  return (
    deps.images ?? {
      put: async () => {
        throw new AppError('INTERNAL')
      },
      urlOf: defaultImageUrl,
    }
  )
}

/** prepare for operations that only need the port's urlOf: it does no IO, so running it before access is harmless. */
export const withImages = async <In>(input: In, deps: AppDeps) => ({ input, images: imagesOf(deps) })
