// WeChat cloud function `getMyCard`: the entry only names the operation; everything else is shared.
import { createCloudFunction } from '../../wechat/cloud-function'

export const main = createCloudFunction('getMyCard')
