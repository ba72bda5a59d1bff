import { listPointsHistory } from './list-points-history'

/** Points: the member's own ledger. (Points move only through db/repositories/points-ledger.ts postPoints.) */
export const pointsOperations = [listPointsHistory]
